using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>4096 independent 10×10 · 10×10 products as one <see cref="TN.MatMul"/> on [4096, 10, 10] tensors.</summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class BatchedMatMulBenchmarks
{
    private const int Batch = 4096;

    private Tensor _a = null!;
    private Tensor _b = null!;
    private Tensor _aTracked = null!;
    private Tensor _bTracked = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(2);
        _a = WorkloadData.Randn(generator, Batch, 10, 10);
        _b = WorkloadData.Randn(generator, Batch, 10, 10);
        _aTracked = _a.Detach().RequiringGrad();
        _bTracked = _b.Detach().RequiringGrad();
    }

    [Benchmark]
    public Tensor BatchedMatMul4096x10x10() => TN.MatMul(_a, _b);

    /// <summary>Σ(A·B) and its backward into A and B, gradients cleared first.</summary>
    [Benchmark]
    public Tensor? BatchedMatMul4096x10x10ForwardBackward()
    {
        _aTracked.Grad = null;
        _bTracked.Grad = null;
        TN.MatMul(_aTracked, _bTracked).Sum().Backward();
        return _bTracked.Grad;
    }
}
