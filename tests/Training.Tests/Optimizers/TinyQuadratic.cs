namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>
/// f(p) = Σᵢ cᵢ(pᵢ − tᵢ)² with ∇f = 2c ⊙ (p − t), for a 3-element parameter of either dtype. Start,
/// target and weights are exact in Float32, so a hand computation in doubles starts from the same point
/// in both dtypes.
/// </summary>
internal sealed class TinyQuadratic(DType dtype) : TestProblem(TN.Tensor(Start, 3).To(dtype))
{
    public static readonly double[] Start = [1.0, -2.0, 0.5];
    public static readonly double[] Target = [0.25, 0.75, -1.25];
    public static readonly double[] Weights = [1.0, 2.5, 0.5];

    private readonly Tensor _target = TN.Tensor(Target, 3).To(dtype);
    private readonly Tensor _weights = TN.Tensor(Weights, 3).To(dtype);

    protected override Tensor Loss() => ((P.Value - _target).Square() * _weights).Sum();

    public static double[] Gradient(double[] p) => [.. p.Select((v, i) => 2 * Weights[i] * (v - Target[i]))];
}
