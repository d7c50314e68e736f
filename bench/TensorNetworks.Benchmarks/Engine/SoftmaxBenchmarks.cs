using BenchmarkDotNet.Attributes;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// Softmax, log-softmax and log-sum-exp along the last axis of 4096×1000 (and log-softmax along axis 0 of 512×2048),
/// Float32 and, where the name ends in F64, Float64. The *Backward benchmarks run the gradient kernel alone on the
/// forward's output and an upstream gradient, into a new tensor, as PyTorch's <c>_softmax_backward_data</c> does; the
/// *ForwardBackward ones run the op and <see cref="Tensor.Backward"/> with that gradient, the input's gradient cleared
/// first. PyTorch's peers (bench/peers/engine_peer.py) have the same names.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class SoftmaxBenchmarks
{
    private const int Rows = 4096, Columns = 1000;

    private readonly Workload _single = new(), _double = new();

    /// <summary>One dtype's tensors.</summary>
    private sealed class Workload
    {
        internal Tensor X = null!, Upstream = null!, Softmax = null!, LogSoftmax = null!, Tracked = null!, Columns = null!;

        internal void Fill(Generator generator, DType dtype)
        {
            X = TN.Randn(generator, dtype, Rows, SoftmaxBenchmarks.Columns);
            Upstream = TN.Randn(generator, dtype, Rows, SoftmaxBenchmarks.Columns);
            Softmax = X.Softmax(-1);
            LogSoftmax = X.LogSoftmax(-1);
            Tracked = X.Detach().RequiringGrad();
            Columns = TN.Randn(generator, dtype, 512, 2048);
        }

        internal Tensor Backward(LineOp op, Tensor y)
        {
            Tensor dx = Tensor.Uninitialized(y.DType, y.Dims);
            Tensor.RunLines(op, y, Upstream, null, dx, Rows, SoftmaxBenchmarks.Columns, 1);
            return dx;
        }

        internal Tensor? ForwardBackward(Func<Tensor, Tensor> op)
        {
            Tracked.Grad = null;
            op(Tracked).Backward(Upstream);
            return Tracked.Grad;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(5);
        _single.Fill(generator, DType.Float32);
        _double.Fill(generator, DType.Float64);
        WarmUp();
    }

    /// <summary>Runs every workload for a second before BenchmarkDotNet's pilot, so that it times tiered-up code (see
    /// <see cref="ElementwiseBenchmarks"/>).</summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
            foreach (Workload w in new[] { _single, _double })
            {
                _ = w.X.Softmax(-1);
                _ = w.X.LogSoftmax(-1);
                _ = w.X.LogSumExp(-1);
                _ = w.Backward(LineOp.SoftmaxBackward, w.Softmax);
                _ = w.Backward(LineOp.LogSoftmaxBackward, w.LogSoftmax);
                _ = w.ForwardBackward(x => x.Softmax(-1));
                _ = w.ForwardBackward(x => x.LogSoftmax(-1));
                _ = w.Columns.LogSoftmax(0);
            }
    }

    [Benchmark]
    public Tensor Softmax4096x1000() => _single.X.Softmax(-1);

    [Benchmark]
    public Tensor LogSoftmax4096x1000() => _single.X.LogSoftmax(-1);

    [Benchmark]
    public Tensor LogSumExp4096x1000() => _single.X.LogSumExp(-1);

    [Benchmark]
    public Tensor SoftmaxBackward4096x1000() => _single.Backward(LineOp.SoftmaxBackward, _single.Softmax);

    [Benchmark]
    public Tensor LogSoftmaxBackward4096x1000() => _single.Backward(LineOp.LogSoftmaxBackward, _single.LogSoftmax);

    [Benchmark]
    public Tensor? SoftmaxForwardBackward4096x1000() => _single.ForwardBackward(x => x.Softmax(-1));

    [Benchmark]
    public Tensor? LogSoftmaxForwardBackward4096x1000() => _single.ForwardBackward(x => x.LogSoftmax(-1));

    [Benchmark]
    public Tensor LogSoftmaxAxis0Of512x2048() => _single.Columns.LogSoftmax(0);

    [Benchmark]
    public Tensor Softmax4096x1000F64() => _double.X.Softmax(-1);

    [Benchmark]
    public Tensor LogSoftmax4096x1000F64() => _double.X.LogSoftmax(-1);

    [Benchmark]
    public Tensor LogSumExp4096x1000F64() => _double.X.LogSumExp(-1);

    [Benchmark]
    public Tensor SoftmaxBackward4096x1000F64() => _double.Backward(LineOp.SoftmaxBackward, _double.Softmax);

    [Benchmark]
    public Tensor LogSoftmaxBackward4096x1000F64() => _double.Backward(LineOp.LogSoftmaxBackward, _double.LogSoftmax);

    [Benchmark]
    public Tensor? SoftmaxForwardBackward4096x1000F64() => _double.ForwardBackward(x => x.Softmax(-1));

    [Benchmark]
    public Tensor? LogSoftmaxForwardBackward4096x1000F64() => _double.ForwardBackward(x => x.LogSoftmax(-1));

    [Benchmark]
    public Tensor LogSoftmaxAxis0Of512x2048F64() => _double.Columns.LogSoftmax(0);
}
