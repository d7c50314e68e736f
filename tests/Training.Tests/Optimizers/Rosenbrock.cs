namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>f(x, y) = (1 − x)² + 100(y − x²)², minimized at (1, 1), started at the classic (−1.2, 1).</summary>
internal sealed class Rosenbrock(DType dtype) : TestProblem(TN.Tensor(new[] { -1.2, 1.0 }, 2).To(dtype))
{
    protected override Tensor Loss()
    {
        Tensor x = P.Value.Narrow(0, 0, 1), y = P.Value.Narrow(0, 1, 1);
        return ((1.0 - x).Square() + 100.0 * (y - x.Square()).Square()).Sum();
    }

    public static double Value(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    public static (double X, double Y) Gradient(double x, double y) => (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
}
