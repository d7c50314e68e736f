using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Per-op overhead on 10×10 Float32 matrices, where dispatch, allocation and recording cost more
/// than the arithmetic. The chain benchmark reports time and allocation per matmul.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class SmallOpBenchmarks
{
    private const int ChainLength = 64;

    private Tensor _a = null!;
    private Tensor _b = null!;
    private Tensor _chainInput = null!;
    private Tensor[] _chainWeights = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(1);
        _a = WorkloadData.Randn(generator, 10, 10);
        _b = WorkloadData.Randn(generator, 10, 10);
        _chainInput = WorkloadData.Randn(generator, 10, 10);
        _chainWeights = new Tensor[ChainLength];
        for (int i = 0; i < ChainLength; i++)
            _chainWeights[i] = (WorkloadData.Randn(generator, 10, 10) * (1 / Math.Sqrt(10))).RequiringGrad();
    }

    [Benchmark]
    public Tensor Add10x10() => _a + _b;

    [Benchmark]
    public Tensor MatMul10x10() => TN.MatMul(_a, _b);

    /// <summary>y = x·W1·…·W64, loss = Σy, backward into the 64 weights; gradients are cleared first,
    /// as PyTorch's <c>zero_grad(set_to_none=True)</c> does.</summary>
    [Benchmark(OperationsPerInvoke = ChainLength)]
    public Tensor? MatMulChain64ForwardBackwardPerOp()
    {
        foreach (var w in _chainWeights) w.Grad = null;
        Tensor y = _chainInput;
        foreach (var w in _chainWeights) y = TN.MatMul(y, w);
        y.Sum().Backward();
        return _chainWeights[0].Grad;
    }
}
