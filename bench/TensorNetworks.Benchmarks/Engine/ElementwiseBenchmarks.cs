using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Elementwise forward ops over 2^20 Float32 elements (4 MiB per operand; the F64 ones in Float64). The plain forms leave each
/// result to the garbage collector (the pool recycles it after its next young collection); the scoped
/// forms release it at once through <see cref="TN.Scope"/>, as PyTorch's reference counting does.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    private const int Length = 1 << 20;

    private Tensor _a = null!;
    private Tensor _b = null!;
    private Tensor _a64 = null!;
    private Tensor _leaf = null!;
    private Tensor _rows = null!;
    private int[] _rowIndices = null!;
    private Tensor _cube = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(3);
        _a = WorkloadData.Randn(generator, Length);
        _b = WorkloadData.Randn(generator, Length);
        _a64 = _a.To(DType.Float64);
        _leaf = _a.Detach().RequiringGrad();
        _rows = TN.Randn(generator, DType.Float32, 1024, 1024);
        _rowIndices = [.. Enumerable.Range(0, 4096).Select(i => i * 7919 % 1024)];
        _cube = TN.Randn(generator, DType.Float32, 64, 64, 1024);
        WarmUp();
    }

    /// <summary>
    /// Runs every op for a second before BenchmarkDotNet's pilot, so that the tiered JIT has optimized
    /// TensorPrimitives' generic kernels: unoptimized, a 1M-element exp took 40 ms, then 7 ms, and ~0.2 ms
    /// only after about a second; a pilot that timed those first calls chose 6 calls per iteration, and the
    /// whole launch then measured ~3 ms per exp.
    /// </summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
        {
            using (TN.Scope())
            {
                _ = _a + _b;
                _ = _a * _b;
                _ = _a.Exp();
                _ = _a.Sigmoid();
                _ = _a64.Exp();
                _ = _a64.Sigmoid();
                _ = TN.MseLoss(_a, _b);
                _ = _rows.IndexSelect(0, _rowIndices);
                _ = TN.Cat([_a, _b]);
                _ = _cube.Permute(1, 0, 2);
            }
            MseLossForwardBackward1M();
        }
    }

    [Benchmark]
    public Tensor Add1M() => _a + _b;

    [Benchmark]
    public Tensor Multiply1M() => _a * _b;

    [Benchmark]
    public Tensor Exp1M() => _a.Exp();

    [Benchmark]
    public Tensor Sigmoid1M() => _a.Sigmoid();

    [Benchmark]
    public void Add1MScoped()
    {
        using (TN.Scope()) _ = _a + _b;
    }

    [Benchmark]
    public void Multiply1MScoped()
    {
        using (TN.Scope()) _ = _a * _b;
    }

    [Benchmark]
    public void Exp1MScoped()
    {
        using (TN.Scope()) _ = _a.Exp();
    }

    [Benchmark]
    public void Sigmoid1MScoped()
    {
        using (TN.Scope()) _ = _a.Sigmoid();
    }

    /// <summary>Exp of the same 2^20 values in Float64 (8 MiB per operand).</summary>
    [Benchmark]
    public void Exp1MScopedF64()
    {
        using (TN.Scope()) _ = _a64.Exp();
    }

    [Benchmark]
    public void Sigmoid1MScopedF64()
    {
        using (TN.Scope()) _ = _a64.Sigmoid();
    }

    [Benchmark]
    public void MseLoss1MScoped()
    {
        using (TN.Scope()) _ = TN.MseLoss(_a, _b);
    }

    /// <summary>The loss and the prediction's gradient, the leaf's gradient cleared first.</summary>
    [Benchmark]
    public Tensor? MseLossForwardBackward1M()
    {
        _leaf.Grad = null;
        TN.MseLoss(_leaf, _b).Backward();
        return _leaf.Grad;
    }

    /// <summary>4096 rows (repeating) of a 1024×1024 matrix: a 16 MB result.</summary>
    [Benchmark]
    public void IndexSelect4096Of1024x1024Scoped()
    {
        using (TN.Scope()) _ = _rows.IndexSelect(0, _rowIndices);
    }

    /// <summary>Two 1M-element vectors joined into one: an 8 MB result.</summary>
    [Benchmark]
    public void Cat2x1MScoped()
    {
        using (TN.Scope()) _ = TN.Cat([_a, _b]);
    }

    /// <summary>The first two axes of a 64×64×1024 tensor swapped: 4096 rows of 4 KB copied into a 16 MB result.</summary>
    [Benchmark]
    public void Permute102Of64x64x1024Scoped()
    {
        using (TN.Scope()) _ = _cube.Permute(1, 0, 2);
    }
}
