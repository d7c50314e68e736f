using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    /// <summary>A fixed 0/1 mask of shape [3, 4] (rows alternate, with a column pattern).</summary>
    private static readonly Tensor Mask34 = TN.Tensor(new double[] { 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1 }, 3, 4);

    private static IEnumerable<GradCase> Unary() =>
    [
        new("Exp", x => x[0].Exp(), [S(3, 4)]),
        new("Log", x => x[0].Log(), [S(3, 4)], GradCase.Positive),
        new("Log1p", x => x[0].Log1p(), [S(3, 4)], GradCase.Positive),
        new("Sqrt", x => x[0].Sqrt(), [S(3, 4)], GradCase.Positive),
        new("Square", x => x[0].Square(), [S(2, 3)]),
        new("Pow/integer", x => x[0].Pow(3), [S(2, 3)]),
        new("Pow/fractional", x => x[0].Pow(1.7), [S(2, 3)], GradCase.Positive),
        new("Pow/negative", x => x[0].Pow(-1.5), [S(2, 3)], GradCase.Positive),
        new("Pow/two", x => x[0].Pow(2), [S(2, 3)]),
        new("Pow/half", x => x[0].Pow(0.5), [S(2, 3)], GradCase.Positive),
        new("Pow/zero", x => x[0].Pow(0) * x[0], [S(2, 3)]),
        new("Pow/tensor", x => x[0].Pow(x[1]), [S(3, 4), S(3, 4)], GradCase.Positive),
        new("Pow/tensor-broadcast-exponent", x => x[0].Pow(x[1]), [S(3, 4), S(4)], GradCase.Positive),
        new("Pow/tensor-broadcast-base", x => x[0].Pow(x[1]), [S(3, 1), S(2, 1, 4)], GradCase.Positive),
        new("Pow/tensor-scalar-exponent", x => x[0].Pow(x[1]), [S(2, 3), S()], GradCase.Positive),
        new("Abs", x => x[0].Abs(), [S(3, 4)], GradCase.AwayFromZero),
        new("Relu", x => x[0].Relu(), [S(3, 4)], GradCase.AwayFromZero),
        new("Sigmoid", x => x[0].Sigmoid(), [S(3, 4)]),
        new("Tanh", x => x[0].Tanh(), [S(3, 4)]),
        new("Softplus", x => x[0].Softplus(), [S(3, 4)]),
        new("Softplus/wide-range", x => (x[0] * 15.0).Softplus(), [S(3, 4)]),
        new("Clamp/both", x => x[0].Clamp(0.5, 2.0), [S(3, 4)], GradCase.Distinct),
        new("Clamp/min-only", x => x[0].Clamp(min: 1.0), [S(3, 4)], GradCase.Distinct),
        new("Clamp/max-only", x => x[0].Clamp(max: 1.0), [S(3, 4)], GradCase.Distinct),
        new("Where", x => TN.Where(Mask34, x[0], x[1]), [S(3, 4), S(3, 4)]),
        new("Where/broadcast", x => TN.Where(Mask34.Sum([1], keepDim: true) - 2.0, x[0], x[1]), [S(4), S(3, 1)]),
        new("Where/scalar-branch", x => TN.Where(Mask34, x[0], x[1]), [S(3, 4), S()]),
        new("Where/same-tensor", x => TN.Where(Mask34, x[0] * 2.0, x[0].Exp()), [S(3, 4)]),
        new("Chain/sigmoid-log-exp", x => x[0].Sigmoid().Log() + x[0].Tanh().Exp(), [S(2, 5)]),
        new("LeakyRelu/default-slope", x => x[0].LeakyRelu(), [S(3, 4)], GradCase.AwayFromZero),
        new("LeakyRelu/steep-slope", x => x[0].LeakyRelu(1.5) * x[0], [S(5)], GradCase.AwayFromZero),
        new("Silu", x => x[0].Silu(), [S(3, 4)]),
        new("Silu/large", x => (x[0] * 8.0).Silu(), [S(6)]),
        new("Sign/zero-gradient", x => x[0].Sign() * x[0], [S(2, 3)], GradCase.AwayFromZero),
        new("Reciprocal", x => x[0].Reciprocal(), [S(3, 2)], GradCase.Positive),
        new("Reciprocal/negative", x => (-x[0]).Reciprocal(), [S(4)], GradCase.Positive),
    ];
}
