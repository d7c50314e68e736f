using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// A 1024³ Float32 GEMM through the tensor API (<see cref="TN.MatMul"/>), i.e. the backend's GEMM plus
/// the engine's dispatch and output allocation.
/// </summary>
[Config(typeof(EngineLongConfig))]
[MemoryDiagnoser]
public class TensorGemmBenchmarks
{
    private const int Size = 1024;

    private Tensor _a = null!;
    private Tensor _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(4);
        _a = WorkloadData.Randn(generator, Size, Size);
        _b = WorkloadData.Randn(generator, Size, Size);
    }

    [Benchmark]
    public Tensor MatMul1024() => TN.MatMul(_a, _b);
}
