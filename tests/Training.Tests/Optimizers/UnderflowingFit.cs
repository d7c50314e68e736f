namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>‖A p‖² in float32 from p = (1, 1, 1), zero at p = 0: near 0 the loss underflows to exactly 0 while
/// its gradient (≈ 2AᵀA p) does not, so no trial can show a decrease.</summary>
internal sealed class UnderflowingFit() : TestProblem(TN.Ones(DType.Float32, 3))
{
    private static readonly Tensor A = TN.Tensor(new[] { 1f, 0.2f, -0.4f, 0.3f, 2f, 0.1f, -0.5f, 0.6f, 1.5f, 0.9f, -1.1f, 0.7f }, 4, 3);

    protected override Tensor Loss() => TN.MatMul(A, P.Value).Square().Sum();
}
