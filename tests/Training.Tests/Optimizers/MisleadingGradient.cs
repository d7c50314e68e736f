namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>A loss whose value is Σx² but whose gradient is that of −Σx², −2x: every step along the
/// descent direction the gradient promises raises the loss, so no line search can succeed.</summary>
internal sealed class MisleadingGradient() : TestProblem(TN.Tensor(new[] { 1.0, -2.0 }, 2))
{
    protected override Tensor Loss()
    {
        Tensor square = P.Value.Square().Sum();
        return -square + (2.0 * square).Detach();
    }
}
