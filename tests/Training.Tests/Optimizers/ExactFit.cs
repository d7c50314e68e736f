namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>‖A p − A p*‖², zero at p* = (0.3, −0.7, 1.1): near p* the loss and its gradient are rounding
/// noise, so a line search there fails although the loss is near 0.</summary>
internal sealed class ExactFit() : TestProblem(TN.Zeros(DType.Float64, 3))
{
    private static readonly Tensor A = TN.Tensor(new[] { 1.0, 0.2, -0.4, 0.3, 2.0, 0.1, -0.5, 0.6, 1.5, 0.9, -1.1, 0.7 }, 4, 3);
    private static readonly Tensor B = TN.MatMul(A, TN.Tensor(new[] { 0.3, -0.7, 1.1 }, 3));

    protected override Tensor Loss() => (TN.MatMul(A, P.Value) - B).Square().Sum();
}
