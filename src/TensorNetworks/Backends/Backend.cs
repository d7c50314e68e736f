namespace TensorNetworks.Backends;

/// <summary>
/// The active numeric backend. Chosen once, at first use: <c>TN_BACKEND=managed|openblas</c> forces
/// one; otherwise OpenBLAS when its library loads, else the managed fallback.
/// </summary>
internal static class Backend
{
    private static readonly Lazy<(IBlas Blas, ILapack? Lapack, string Description)> s_active = new(Select);

    internal static IBlas Blas => s_active.Value.Blas;

    internal static ILapack Lapack => s_active.Value.Lapack ?? throw new NotSupportedException("No LAPACK backend is available yet.");

    internal static string Description => s_active.Value.Description;

    private static (IBlas, ILapack?, string) Select() => (new ManagedBlas(), null, "managed (naive GEMM)");
}
