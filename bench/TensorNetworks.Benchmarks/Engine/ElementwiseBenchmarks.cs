using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Elementwise forward ops over 2^20 Float32 elements (4 MiB per operand). The plain forms leave each
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

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(3);
        _a = WorkloadData.Randn(generator, Length);
        _b = WorkloadData.Randn(generator, Length);
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
            }
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
}
