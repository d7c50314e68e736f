using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ActivationExtraTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static TheoryData<string, DType, int> Cases()
    {
        var data = new TheoryData<string, DType, int>();
        foreach (string op in new[] { "LeakyRelu", "LeakyRelu/0.2", "Silu", "Sign", "Reciprocal" })
        foreach (DType d in Naive.DTypes)
        foreach (int n in new[] { 0, 1, 37, 70_001 })
            data.Add(op, d, n);
        return data;
    }

    private static Tensor Apply(string op, Tensor x) => op switch
    {
        "LeakyRelu" => x.LeakyRelu(),
        "LeakyRelu/0.2" => x.LeakyRelu(0.2),
        "Silu" => x.Silu(),
        "Sign" => x.Sign(),
        "Reciprocal" => x.Reciprocal(),
        _ => throw new ArgumentException(op),
    };

    private static double Expected(string op, double x) => op switch
    {
        "LeakyRelu" => x > 0 ? x : 0.01 * x,
        "LeakyRelu/0.2" => x > 0 ? x : 0.2 * x,
        "Silu" => x * Sigmoid(x),
        "Sign" => x > 0 ? 1 : x < 0 ? -1 : x,
        "Reciprocal" => 1 / x,
        _ => throw new ArgumentException(op),
    };

    private static double NaiveSlope(string op, double x) => op switch
    {
        "LeakyRelu" => x > 0 ? 1 : 0.01,
        "LeakyRelu/0.2" => x > 0 ? 1 : 0.2,
        "Silu" => Sigmoid(x) * (1 + x * (1 - Sigmoid(x))),
        "Sign" => 0,
        "Reciprocal" => -1 / (x * x),
        _ => throw new ArgumentException(op),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_MatchesNaiveForwardAndBackward(string op, DType dtype, int n)
    {
        var g = new Generator(101);
        Tensor x = (TN.Randn(g, DType.Float64, n) * 4.0).To(dtype).RequiringGrad();
        Tensor w = TN.Randn(g, DType.Float64, n).To(dtype);
        Tensor y = Apply(op, x);
        double tolerance = dtype == DType.Float32 ? 4e-6 : 1e-13;
        Reference.Close(Reference.Map(x, v => Expected(op, v)), y, tolerance);
        (y * w).Sum().Backward();
        double[] xs = x.ToArray<double>(), ws = w.ToArray<double>();
        Reference.Close([.. xs.Select((v, i) => NaiveSlope(op, v) * ws[i])], x.Grad!, tolerance * 4);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Op_FollowsTheRulesAtSpecialValues(DType dtype)
    {
        double[] special = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 50, -50, 1e-30];
        Tensor x = TN.Tensor(special).To(dtype);
        foreach (string op in new[] { "LeakyRelu", "Silu", "Sign", "Reciprocal" })
        {
            double[] actual = Apply(op, x).ToArray<double>();
            for (int i = 0; i < special.Length; i++)
            {
                double v = dtype == DType.Float32 ? (float)special[i] : special[i];
                double expected = Expected(op, v);
                if (dtype == DType.Float32) expected = (float)expected;
                Assert.True(expected.Equals(actual[i]) || Math.Abs(expected - actual[i]) <= 1e-6 * Math.Abs(expected),
                    $"{op}({v}): expected {expected:R}, got {actual[i]:R}");
            }
        }
        Assert.True(double.IsNegative(TN.Tensor(new[] { -0.0 }).To(dtype).Sign().Item()));
        Assert.True(double.IsNaN(TN.Tensor(new[] { double.NegativeInfinity }).To(dtype).Silu().Item()));
    }

    [Fact]
    public void Op_WorksOnZeroDimensionalTensors()
    {
        Assert.Equal(-0.02, TN.Scalar(-2.0, DType.Float64).LeakyRelu().Item(), 15);
        Assert.Equal(-1.0, TN.Scalar(-2.0, DType.Float64).Sign().Item());
        Assert.Equal(0.25, TN.Scalar(4.0, DType.Float64).Reciprocal().Item());
        Assert.Equal(2 * Sigmoid(2), TN.Scalar(2.0, DType.Float64).Silu().Item(), 14);
    }

    [Fact]
    public void LeakyRelu_GradientAtZeroIsTheSlope()
    {
        Tensor x = TN.Tensor(new[] { 0.0, -1.0, 1.0 }).RequiringGrad();
        x.LeakyRelu(0.1).Sum().Backward();
        Assert.Equal([0.1, 0.1, 1.0], x.Grad!.ToArray<double>());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LeakyRelu_ThrowsForANonFiniteSlope(double slope)
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).LeakyRelu(slope));
        Assert.Equal("slope", e.ParamName);
        Assert.Contains("finite", e.Message);
    }
}
