using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using TensorNetworks.Backends;

namespace TensorNetworks.Benchmarks;

/// <summary>
/// Square GEMM through the tensor API (<c>TN.MatMul</c>, active backend, allocating its result) against
/// OpenBLAS's <c>cblas_?gemm</c> called directly and the managed packed GEMM called directly.
/// Run: <c>dotnet run -c Release --project bench/TensorNetworks.Benchmarks -- --filter '*GemmBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private Tensor _a = null!, _b = null!;
    private float[] _af = null!, _bf = null!, _cf = null!;
    private double[] _ad = null!, _bd = null!, _cd = null!;
    private readonly OpenBlasBlas _openBlas = new();
    private readonly ManagedBlas _managed = new();

    /// <summary>Element type.</summary>
    [Params(DType.Float32, DType.Float64)]
    public DType DType { get; set; }

    /// <summary>m = n = k.</summary>
    [Params(1024)]
    public int Size { get; set; }

    /// <summary>Seeded operands, in tensors and in plain arrays.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = new Generator(7);
        _a = TN.Randn(g, DType, Size, Size);
        _b = TN.Randn(g, DType, Size, Size);
        _af = _a.ToArray<float>();
        _bf = _b.ToArray<float>();
        _ad = _a.ToArray<double>();
        _bd = _b.ToArray<double>();
        _cf = new float[Size * Size];
        _cd = new double[Size * Size];
        if (!OpenBlasLibrary.Load().Loaded) throw OpenBlasLibrary.Load().ToException();
    }

    /// <summary>cblas_?gemm on preallocated arrays.</summary>
    [Benchmark(Baseline = true)]
    public void OpenBlasDirect() => Multiply(_openBlas);

    /// <summary>TN.MatMul on the active backend, including the result allocation.</summary>
    [Benchmark]
    public Tensor TensorMatMul() => TN.MatMul(_a, _b);

    /// <summary>The managed blocked AVX2/FMA GEMM on preallocated arrays.</summary>
    [Benchmark]
    public void ManagedDirect() => Multiply(_managed);

    private void Multiply(IBlas blas)
    {
        int n = Size;
        if (DType == DType.Float32) blas.Gemm(false, false, n, n, n, 1f, _af, n, _bf, n, 0f, _cf, n);
        else blas.Gemm(false, false, n, n, n, 1.0, _ad, n, _bd, n, 0.0, _cd, n);
    }
}

/// <summary>
/// The tiny products tensor networks are made of: one 10×10 matmul through <c>TN.MatMul</c> and a
/// batched forward of 4096 10×10 matmuls ([4096, 10, 10] · [4096, 10, 10]); PyTorch's figure for the
/// latter on this machine is 3.4 ms (float32, 2 threads). Each runs twice: with the default GC, and with
/// the large-object threshold raised to 8 MiB (<c>DOTNET_GCLOHThreshold=800000</c>, hex), because the
/// batched result (1.6 MB) otherwise lands on the large-object heap and its gen-2 collections and
/// fresh-page faults cost more than the arithmetic.
/// Run: <c>dotnet run -c Release --project bench/TensorNetworks.Benchmarks -- --filter '*SmallMatMulBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeObjectThresholdConfig))]
public class SmallMatMulBenchmarks
{
    private Tensor _a = null!, _b = null!, _batchA = null!, _batchB = null!;

    /// <summary>Element type.</summary>
    [Params(DType.Float32, DType.Float64)]
    public DType DType { get; set; }

    /// <summary>Seeded operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = new Generator(8);
        _a = TN.Randn(g, DType, 10, 10);
        _b = TN.Randn(g, DType, 10, 10);
        _batchA = TN.Randn(g, DType, 4096, 10, 10);
        _batchB = TN.Randn(g, DType, 4096, 10, 10);
    }

    /// <summary>One 10×10 · 10×10 product.</summary>
    [Benchmark]
    public Tensor MatMul10x10() => TN.MatMul(_a, _b);

    /// <summary>4096 batched 10×10 products, forward only.</summary>
    [Benchmark]
    public Tensor BatchedMatMul4096x10x10() => TN.MatMul(_batchA, _batchB);
}

/// <summary>Two jobs: the default GC, and the large-object threshold raised to 8 MiB.</summary>
public sealed class LargeObjectThresholdConfig : ManualConfig
{
    /// <summary>Adds the "DefaultGC" and "LOH8MiB" jobs.</summary>
    public LargeObjectThresholdConfig()
    {
        AddJob(Job.Default.WithId("DefaultGC"));
        AddJob(Job.Default.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCLOHThreshold", "800000")).WithId("LOH8MiB"));
    }
}

/// <summary>
/// Where the small-product kernel stops paying off: n×n×n float32 products through the unpacked
/// <see cref="SmallGemm"/> kernel, the managed packed GEMM and OpenBLAS. Chooses
/// <see cref="SmallGemm.MaxWork"/>.
/// Run: <c>dotnet run -c Release --project bench/TensorNetworks.Benchmarks -- --filter '*GemmCrossoverBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class GemmCrossoverBenchmarks
{
    private float[] _a = null!, _b = null!, _c = null!;
    private readonly OpenBlasBlas _openBlas = new();

    /// <summary>m = n = k.</summary>
    [Params(8, 16, 24, 32, 48)]
    public int Size { get; set; }

    /// <summary>Seeded operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = new Generator(9);
        _a = TN.Randn(g, Size, Size).ToArray<float>();
        _b = TN.Randn(g, Size, Size).ToArray<float>();
        _c = new float[Size * Size];
        if (!OpenBlasLibrary.Load().Loaded) throw OpenBlasLibrary.Load().ToException();
    }

    /// <summary>cblas_sgemm.</summary>
    [Benchmark(Baseline = true)]
    public void OpenBlas() => _openBlas.Gemm(false, false, Size, Size, Size, 1f, _a, Size, _b, Size, 0f, _c, Size);

    /// <summary>The unpacked small kernel.</summary>
    [Benchmark]
    public unsafe void Small()
    {
        fixed (float* a = _a, b = _b, c = _c)
            SmallGemm.Multiply(false, false, Size, Size, Size, 1f, a, Size, b, Size, 0f, c, Size);
    }

    /// <summary>The packed managed GEMM (single-threaded at these sizes).</summary>
    [Benchmark]
    public unsafe void Packed()
    {
        fixed (float* a = _a, b = _b, c = _c)
        {
            new Span<float>(c, Size * Size).Clear();
            PackedGemm<float>.Accumulate(false, false, Size, Size, Size, 1f, a, Size, b, Size, c, Size, SimdMath.HasFma256);
        }
    }
}
