using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// <see cref="TN.CrossEntropy(Tensor, int[])"/> (integer labels, mean over the rows) of 128×10 and 1024×10 logits, as
/// the MPS-classifier and TT-layer examples train with, and of 4096×1000: the loss alone, and the loss with its backward
/// into the logits, their gradient cleared first. Float32 and, where the name ends in F64, Float64. PyTorch's peers
/// (bench/peers/engine_peer.py) have the same names.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class CrossEntropyBenchmarks
{
    private readonly Dictionary<(int Rows, int Classes, DType DType), (Tensor Logits, Tensor Tracked, int[] Labels)> _cases = [];

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(6);
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
            foreach (var (rows, classes) in new[] { (128, 10), (1024, 10), (4096, 1000) })
            {
                Tensor logits = TN.Randn(generator, dtype, rows, classes);
                int[] labels = [.. TN.RandInt(generator, classes, DType.Float64, rows).ToArray<double>().Select(v => (int)v)];
                _cases[(rows, classes, dtype)] = (logits, logits.Detach().RequiringGrad(), labels);
            }
        WarmUp();
    }

    /// <summary>Runs every workload for a second before BenchmarkDotNet's pilot, so that it times tiered-up code (see
    /// <see cref="ElementwiseBenchmarks"/>).</summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
            foreach (var (rows, classes, dtype) in _cases.Keys)
            {
                _ = Loss(rows, classes, dtype);
                _ = LossForwardBackward(rows, classes, dtype);
            }
    }

    private Tensor Loss(int rows, int classes, DType dtype)
    {
        var (logits, _, labels) = _cases[(rows, classes, dtype)];
        return TN.CrossEntropy(logits, labels);
    }

    private Tensor? LossForwardBackward(int rows, int classes, DType dtype)
    {
        var (_, tracked, labels) = _cases[(rows, classes, dtype)];
        tracked.Grad = null;
        TN.CrossEntropy(tracked, labels).Backward();
        return tracked.Grad;
    }

    [Benchmark]
    public Tensor CrossEntropy128x10() => Loss(128, 10, DType.Float32);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward128x10() => LossForwardBackward(128, 10, DType.Float32);

    [Benchmark]
    public Tensor CrossEntropy1024x10() => Loss(1024, 10, DType.Float32);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward1024x10() => LossForwardBackward(1024, 10, DType.Float32);

    [Benchmark]
    public Tensor CrossEntropy4096x1000() => Loss(4096, 1000, DType.Float32);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward4096x1000() => LossForwardBackward(4096, 1000, DType.Float32);

    [Benchmark]
    public Tensor CrossEntropy128x10F64() => Loss(128, 10, DType.Float64);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward128x10F64() => LossForwardBackward(128, 10, DType.Float64);

    [Benchmark]
    public Tensor CrossEntropy1024x10F64() => Loss(1024, 10, DType.Float64);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward1024x10F64() => LossForwardBackward(1024, 10, DType.Float64);

    [Benchmark]
    public Tensor CrossEntropy4096x1000F64() => Loss(4096, 1000, DType.Float64);

    [Benchmark]
    public Tensor? CrossEntropyForwardBackward4096x1000F64() => LossForwardBackward(4096, 1000, DType.Float64);
}
