using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Sums along a strided axis (axis 0 of 2048×512, 512×2048, 2M×2 and 2×2M; the middle axis of 64×256×64), Float32 and
/// Float64, scoped so each result is released at once as PyTorch's reference counting does; and the same sums with
/// their backward (a broadcast of the upstream gradient back to the input's shape) on a leaf whose gradient is cleared
/// first.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class AxisSumBenchmarks
{
    private readonly Dictionary<string, Tensor> _inputs = [];
    private readonly Dictionary<string, Tensor> _leaves = [];

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(5);
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
            foreach ((string name, int[] shape) in new (string, int[])[] { ("2048x512", [2048, 512]), ("512x2048", [512, 2048]), ("2Mx2", [1 << 21, 2]), ("2x2M", [2, 1 << 21]), ("64x256x64", [64, 256, 64]) })
            {
                string key = name + dtype;
                _inputs[key] = TN.Randn(generator, dtype, shape);
                _leaves[key] = _inputs[key].Detach().RequiringGrad();
            }
        WarmUp();
    }

    /// <summary>Runs every workload for a while before BenchmarkDotNet's pilot, so the tiered JIT has optimized the kernels.</summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1500)
            foreach (string key in _inputs.Keys)
            {
                int axis = key.StartsWith("64x", StringComparison.Ordinal) ? 1 : 0;
                Sum(key, axis);
                SumBackward(key, axis);
            }
    }

    private void Sum(string key, int axis)
    {
        using (TN.Scope()) _ = _inputs[key].Sum(axis);
    }

    private Tensor? SumBackward(string key, int axis)
    {
        Tensor x = _leaves[key];
        x.Grad = null;
        x.Sum(axis).Sum().Backward();
        return x.Grad;
    }

    [Benchmark] public void SumAxis0_2048x512() => Sum("2048x512Float32", 0);
    [Benchmark] public void SumAxis0_512x2048() => Sum("512x2048Float32", 0);
    [Benchmark] public void SumAxis0_2Mx2() => Sum("2Mx2Float32", 0);
    [Benchmark] public void SumAxis0_2x2M() => Sum("2x2MFloat32", 0);
    [Benchmark] public void SumAxis1_64x256x64() => Sum("64x256x64Float32", 1);
    [Benchmark] public void SumAxis0_2048x512Float64() => Sum("2048x512Float64", 0);
    [Benchmark] public void SumAxis0_512x2048Float64() => Sum("512x2048Float64", 0);
    [Benchmark] public void SumAxis0_2Mx2Float64() => Sum("2Mx2Float64", 0);
    [Benchmark] public void SumAxis0_2x2MFloat64() => Sum("2x2MFloat64", 0);
    [Benchmark] public void SumAxis1_64x256x64Float64() => Sum("64x256x64Float64", 1);

    [Benchmark] public Tensor? SumAxis0_2048x512ForwardBackward() => SumBackward("2048x512Float32", 0);
    [Benchmark] public Tensor? SumAxis0_512x2048ForwardBackward() => SumBackward("512x2048Float32", 0);
    [Benchmark] public Tensor? SumAxis0_2Mx2ForwardBackward() => SumBackward("2Mx2Float32", 0);
    [Benchmark] public Tensor? SumAxis0_2x2MForwardBackward() => SumBackward("2x2MFloat32", 0);
    [Benchmark] public Tensor? SumAxis1_64x256x64ForwardBackward() => SumBackward("64x256x64Float32", 1);
    [Benchmark] public Tensor? SumAxis0_2048x512Float64ForwardBackward() => SumBackward("2048x512Float64", 0);
    [Benchmark] public Tensor? SumAxis0_512x2048Float64ForwardBackward() => SumBackward("512x2048Float64", 0);
    [Benchmark] public Tensor? SumAxis0_2Mx2Float64ForwardBackward() => SumBackward("2Mx2Float64", 0);
    [Benchmark] public Tensor? SumAxis0_2x2MFloat64ForwardBackward() => SumBackward("2x2MFloat64", 0);
    [Benchmark] public Tensor? SumAxis1_64x256x64Float64ForwardBackward() => SumBackward("64x256x64Float64", 1);
}
