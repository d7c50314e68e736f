using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Reductions along the last axis of 2048×512 (rows of 512: a batch of row sums, maxima and norms), Float32 and Float64,
/// scoped so each result is released at once as PyTorch's reference counting does.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class LineReductionBenchmarks
{
    private Tensor _single = null!;
    private Tensor _double = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(9);
        _single = TN.Randn(generator, DType.Float32, 2048, 512);
        _double = TN.Randn(generator, DType.Float64, 2048, 512);
        WarmUp();
    }

    /// <summary>Runs every workload for a second before BenchmarkDotNet's pilot, so the tiered JIT has optimized the kernels.</summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
            foreach (Tensor x in new[] { _single, _double })
                using (TN.Scope())
                {
                    _ = x.Sum(1);
                    _ = x.Max(1);
                    _ = x.ArgMax(1);
                    _ = x.Norm([1]);
                }
    }

    [Benchmark] public void RowSums2048x512() { using (TN.Scope()) _ = _single.Sum(1); }

    [Benchmark] public void RowMax2048x512() { using (TN.Scope()) _ = _single.Max(1); }

    [Benchmark] public void RowArgMax2048x512() { using (TN.Scope()) _ = _single.ArgMax(1); }

    [Benchmark] public void RowNorms2048x512() { using (TN.Scope()) _ = _single.Norm([1]); }

    [Benchmark] public void RowSums2048x512Float64() { using (TN.Scope()) _ = _double.Sum(1); }

    [Benchmark] public void RowMax2048x512Float64() { using (TN.Scope()) _ = _double.Max(1); }

    [Benchmark] public void RowArgMax2048x512Float64() { using (TN.Scope()) _ = _double.ArgMax(1); }

    [Benchmark] public void RowNorms2048x512Float64() { using (TN.Scope()) _ = _double.Norm([1]); }
}
