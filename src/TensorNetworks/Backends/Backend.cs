namespace TensorNetworks.Backends;

/// <summary>What <c>TN_BACKEND</c> asks for.</summary>
internal enum BackendChoice
{
    /// <summary>Unset or empty: OpenBLAS when it loads, else managed.</summary>
    Default,

    /// <summary><c>managed</c>: the managed GEMM and MathNet.Numerics, never native code.</summary>
    Managed,

    /// <summary><c>openblas</c>: OpenBLAS or an exception naming the paths tried.</summary>
    OpenBlas,
}

/// <summary>
/// The active numeric backend. Chosen once, at first use: <c>TN_BACKEND=managed|openblas</c> forces
/// one; otherwise OpenBLAS when its library loads, else the managed fallback. A forced OpenBLAS that
/// cannot load throws on every use (the failure is never swallowed).
/// </summary>
internal static class Backend
{
    /// <summary>The environment variable that forces a backend.</summary>
    internal const string Variable = "TN_BACKEND";

    private static readonly Lazy<ActiveBackend> s_active = new(
        () => Select(ParseChoice(Environment.GetEnvironmentVariable(Variable)), OpenBlasLibrary.Load));

    internal static IBlas Blas => s_active.Value.Blas;

    internal static ILapack Lapack => s_active.Value.Lapack;

    /// <summary>Which backend is active, its library path and why, for <see cref="TN.BackendInfo"/>.</summary>
    internal static string Description => s_active.Value.Description;

    /// <summary>Parses a <c>TN_BACKEND</c> value (case-insensitive, surrounding blanks ignored).</summary>
    /// <exception cref="ArgumentException">When the value is neither empty, "managed" nor "openblas".</exception>
    internal static BackendChoice ParseChoice(string? value)
    {
        string v = value?.Trim() ?? "";
        if (v.Length == 0) return BackendChoice.Default;
        if (v.Equals("managed", StringComparison.OrdinalIgnoreCase)) return BackendChoice.Managed;
        if (v.Equals("openblas", StringComparison.OrdinalIgnoreCase)) return BackendChoice.OpenBlas;
        throw new ArgumentException($"{Variable}=\"{value}\" is not a backend; valid values are \"managed\" and \"openblas\" (or unset for OpenBLAS when it loads, else managed).");
    }

    /// <summary>Builds the backend for a choice; <paramref name="loadOpenBlas"/> is called unless managed is forced.</summary>
    /// <exception cref="DllNotFoundException">When OpenBLAS is forced and does not load; the message lists the paths tried.</exception>
    internal static ActiveBackend Select(BackendChoice choice, Func<OpenBlasLoad> loadOpenBlas)
    {
        if (choice == BackendChoice.Managed) return Managed($"forced by {Variable}=managed");
        OpenBlasLoad load = loadOpenBlas();
        if (load.Loaded)
        {
            string why = choice == BackendChoice.OpenBlas ? $"forced by {Variable}=openblas" : "default: OpenBLAS loaded";
            return new ActiveBackend(new OpenBlasBlas(), new OpenBlasLapack(), $"openblas ({load.Path}); {why}");
        }
        if (choice == BackendChoice.OpenBlas) throw load.ToException();
        return Managed($"fallback: OpenBLAS did not load; tried {load.Tried}");
    }

    private static ActiveBackend Managed(string why)
    {
        var blas = new ManagedBlas();
        return new ActiveBackend(blas, new ManagedLapack(), $"managed ({blas.KernelName} packed GEMM, MathNet.Numerics LAPACK); {why}");
    }
}

/// <summary>The backend in use and a one-line description of what and why.</summary>
internal sealed record ActiveBackend(IBlas Blas, ILapack Lapack, string Description);
