namespace TensorNetworks;

/// <summary>Softmax and log-softmax along one axis.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// sᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m) along <paramref name="axis"/> (m the line's maximum, so large
    /// inputs never overflow); each line sums to 1. Vector-Jacobian product: dx = s ⊙ (g − Σ g ⊙ s). In float32 the sums
    /// along the axis are kept in double, as <see cref="Sum()"/>'s are (1024-element chunks along the last axis, each row
    /// along another), so long axes keep float32's precision.
    /// A 0-d tensor is one line of one element for axis 0 or −1, as in PyTorch: its softmax is 1 (NaN for ±∞ or NaN).
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>Tensor p = TN.Tensor(new[] { 1.0, 2.0, 3.0 }).Softmax(); // [0.090, 0.245, 0.665]</code></example>
    public Tensor Softmax(int axis = -1) => Normalized(axis, LineOp.Softmax, LineOp.SoftmaxBackward, "Softmax");

    /// <summary>
    /// ln softmax(x) = x − m − ln Σⱼ exp(xⱼ − m) along <paramref name="axis"/>, computed without forming the
    /// softmax so that tiny probabilities keep their precision. Vector-Jacobian product:
    /// dx = g − exp(y) · Σ g, with y the result. Float32 sums along the axis are kept in double, as in <see cref="Softmax"/>,
    /// and their log is taken in double, so a result near 0 keeps float32's relative precision.
    /// A 0-d tensor is one line of one element for axis 0 or −1, as in PyTorch: its log-softmax is 0 (NaN for ±∞ or NaN).
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>Tensor logp = logits.LogSoftmax(1); // [N, C] log-probabilities</code></example>
    public Tensor LogSoftmax(int axis = -1) => Normalized(axis, LineOp.LogSoftmax, LineOp.LogSoftmaxBackward, "LogSoftmax");

    private Tensor Normalized(int axis, LineOp forward, LineOp backward, string op)
    {
        var (outer, extent, inner, _) = AxisLines(axis, keepDim: true, op);
        Tensor y = Uninitialized(DType, Dims);
        RunLines(forward, this, null, null, y, outer, extent, inner);
        if (Autograd.ShouldRecord(this)) RecordNormalized(y, this, backward, outer, extent, inner, op);
        return y;
    }

    private static void RecordNormalized(Tensor y, Tensor x, LineOp backward, int outer, int extent, int inner, string op)
        => Autograd.Record(y, x, g =>
        {
            Tensor dx = Uninitialized(x.DType, x.Dims);
            RunLines(backward, y, g, null, dx, outer, extent, inner);
            return dx;
        }, op);

    /// <summary>Runs <see cref="SoftmaxKernel{T}"/> on tensors, switching on the dtype once; <paramref name="y"/> is null
    /// for the log-sum-exp, which writes only <paramref name="lines"/>.</summary>
    internal static void RunLines(LineOp op, Tensor x, Tensor? g, Tensor? lines, Tensor? y, int outer, int extent, int inner)
    {
        if (x.DType == DType.Float32)
            new SoftmaxKernel<float>(op, x.Array<float>(), g?.Array<float>(), lines?.Array<float>(), y?.Array<float>() ?? [], outer, extent, inner).Run();
        else
            new SoftmaxKernel<double>(op, x.Array<double>(), g?.Array<double>(), lines?.Array<double>(), y?.Array<double>() ?? [], outer, extent, inner).Run();
        GC.KeepAlive(x);
        GC.KeepAlive(g);
        GC.KeepAlive(lines);
        GC.KeepAlive(y);
    }
}
