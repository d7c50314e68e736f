using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>Elementwise forward ops over 2^20 Float32 elements (4 MiB per operand).</summary>
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
    }

    [Benchmark]
    public Tensor Add1M() => _a + _b;

    [Benchmark]
    public Tensor Multiply1M() => _a * _b;

    [Benchmark]
    public Tensor Exp1M() => _a.Exp();
}
