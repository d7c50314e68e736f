namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>f(x) = −Σ ln(1 − xᵢ²) + x·[1, 2], finite only inside (−1, 1)², started at (0.5, −0.3): a step
/// longer than the barrier allows gives a NaN loss (the review's repro).</summary>
internal sealed class LogBarrier(DType dtype) : TestProblem(TN.Tensor(Start, 2).To(dtype))
{
    public static readonly double[] Start = [0.5, -0.3];

    protected override Tensor Loss() =>
        -(1.0 - P.Value.Square()).Log().Sum() + (P.Value * TN.Tensor(new[] { 1.0, 2.0 }, 2).To(P.Value.DType)).Sum();
}
