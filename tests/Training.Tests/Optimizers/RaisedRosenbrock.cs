namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>1e4 + the Rosenbrock function: its rounding (about 2e-12 in float64) hides decreases that its
/// gradient still promises once the point is within about 1e-6 of (1, 1), so a line search there fails.</summary>
internal sealed class RaisedRosenbrock(DType dtype) : TestProblem(TN.Tensor(new[] { -1.2, 1.0 }, 2).To(dtype))
{
    protected override Tensor Loss()
    {
        Tensor x = P.Value.Narrow(0, 0, 1), y = P.Value.Narrow(0, 1, 1);
        return ((1.0 - x).Square() + 100.0 * (y - x.Square()).Square() + 1e4).Sum();
    }
}
