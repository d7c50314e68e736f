namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// ln Σₖ exp(xₖ) along <paramref name="axis"/>, computed stably as m + ln Σₖ exp(xₖ − m) with m the
    /// line's maximum (−∞ for an empty axis or a line of −∞). With <paramref name="keepDim"/> the axis stays
    /// as extent 1. A 0-d tensor takes axis 0 or −1, as in PyTorch, and is its own log-sum-exp (a 0-d result, with or
    /// without keepDim). d/dxₖ = exp(xₖ − lse) = softmax(x)ₖ. In float32 the sum is kept in double, as
    /// <see cref="Sum()"/>'s is (1024-element chunks along the last axis, each row along another), and its log is
    /// taken in double, so an lse near 0 (one term dominating) keeps float32's relative precision.
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>double l = TN.Tensor(new[] { 1000.0, 1000.0 }).LogSumExp(0).Item(); // 1000.693...</code></example>
    public Tensor LogSumExp(int axis, bool keepDim = false)
    {
        var (outer, extent, inner, reducedDims) = AxisLines(axis, keepDim, "LogSumExp");
        Tensor lse = Uninitialized(DType, reducedDims);
        RunLines(LineOp.LogSumExp, this, null, lse, null, outer, extent, inner);
        if (Autograd.ShouldRecord(this)) RecordLogSumExp(lse, this, outer, extent, inner);
        return lse;
    }

    private static void RecordLogSumExp(Tensor lse, Tensor x, int outer, int extent, int inner)
        => Autograd.Record(lse, x, g => LogSumExpBackward(x, lse, g, outer, extent, inner), "LogSumExp");

    /// <summary>dx = g ⊙ exp(x − lse), with <paramref name="lse"/> and <paramref name="g"/> holding one value per line.</summary>
    private static Tensor LogSumExpBackward(Tensor x, Tensor lse, Tensor g, int outer, int extent, int inner)
    {
        Tensor dx = Uninitialized(x.DType, x.Dims);
        RunLines(LineOp.LogSumExpBackward, x, g, lse, dx, outer, extent, inner);
        return dx;
    }
}
