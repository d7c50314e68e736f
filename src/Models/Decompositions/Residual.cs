namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The squared residual ‖X − X̂‖² of a decomposition from the cheap expansion ‖X‖² − 2⟨X, X̂⟩ + ‖X̂‖² (or
/// ‖X‖² − ‖G‖² for Tucker), falling back to the dense residual when the expansion cancels: below
/// 1e-4·‖X‖² (a relative residual under 1e-2) its roundoff, about eps·‖X‖², would dominate the fit.
/// </summary>
internal static class Residual
{
    /// <summary>The relative squared residual below which the dense residual is computed instead.</summary>
    public const double DenseBelow = 1e-4;

    /// <summary><paramref name="expanded"/> when it is trustworthy, else <paramref name="dense"/>() (evaluated only then).</summary>
    public static double Choose(double normXSquared, double expanded, Func<double> dense) =>
        expanded >= DenseBelow * normXSquared ? expanded : dense();

    /// <summary>‖X − X̂‖² computed from the dense tensors (differentiable in <paramref name="approximation"/>).</summary>
    public static Tensor Dense(Tensor data, Tensor approximation) => (data - approximation).Square().Sum();
}
