using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// One elementwise transcendental call on a 1- and a 10-element tensor, Float32 and Float64: the per-call cost that
/// scalars and short vectors pay in a training loop, where dispatch, allocation and the kernel's set-up outweigh the
/// arithmetic.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class SmallUnaryBenchmarks
{
    private Tensor _one = null!, _ten = null!, _oneDouble = null!, _tenDouble = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(6);
        _one = WorkloadData.Randn(generator, 1);
        _ten = WorkloadData.Randn(generator, 10);
        _oneDouble = _one.To(DType.Float64);
        _tenDouble = _ten.To(DType.Float64);
    }

    [Benchmark] public Tensor Exp1() => _one.Exp();
    [Benchmark] public Tensor Exp10() => _ten.Exp();
    [Benchmark] public Tensor Exp1Float64() => _oneDouble.Exp();
    [Benchmark] public Tensor Exp10Float64() => _tenDouble.Exp();
    [Benchmark] public Tensor Sigmoid10() => _ten.Sigmoid();
    [Benchmark] public Tensor Tanh10Float64() => _tenDouble.Tanh();
    [Benchmark] public Tensor Softplus10() => _ten.Softplus();
}
