using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>Every GEMM and LAPACK implementation available in this process, for theories that run each test on each backend.</summary>
public static class BlasBackends
{
    private static readonly Lazy<OpenBlasLoad> s_openBlas = new(OpenBlasLibrary.Load);

    /// <summary>True when OpenBLAS loaded here (so native tests run and must agree with managed).</summary>
    internal static bool OpenBlasLoaded => s_openBlas.Value.Loaded;

    /// <summary>"managed" (AVX2/FMA when present), "managed-portable" (Vector&lt;T&gt; kernels) and "openblas" when it loads.</summary>
    public static TheoryData<string> BlasNames()
    {
        var data = new TheoryData<string> { "managed", "managed-portable" };
        if (OpenBlasLoaded) data.Add("openblas");
        return data;
    }

    /// <summary>"managed" and, when it loads, "openblas".</summary>
    public static TheoryData<string> LapackNames()
    {
        var data = new TheoryData<string> { "managed" };
        if (OpenBlasLoaded) data.Add("openblas");
        return data;
    }

    internal static IBlas Blas(string name) => name switch
    {
        "managed" => new ManagedBlas(),
        "managed-portable" => new ManagedBlas(useFma: false),
        "openblas" => new OpenBlasBlas(),
        _ => throw new ArgumentException($"Unknown test backend {name}."),
    };

    internal static ILapack Lapack(string name) => name switch
    {
        "managed" => new ManagedLapack(),
        "openblas" => new OpenBlasLapack(),
        _ => throw new ArgumentException($"Unknown test backend {name}."),
    };
}
