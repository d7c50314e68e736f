namespace TensorNetworks;

/// <summary>Cumulative sums.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// The running sum along an axis (negative counts from the end), PyTorch's <c>cumsum(dim)</c>: r[…, k, …] =
    /// Σ_{j ≤ k} x[…, j, …], same shape as the input. A 0-d tensor takes axis 0 or −1 and returns its value. The sums are
    /// kept in double and each output rounded once (float32 included, as PyTorch's CPU kernel does). The gradient is the
    /// reversed running sum of the incoming gradient: dx[k] = Σ_{j ≥ k} g[j].
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>Tensor c = TN.Tensor(new[] { 1.0, 2.0, 3.0 }).CumSum(0); // [1, 3, 6]</code></example>
    public Tensor CumSum(int axis)
    {
        var (outer, extent, inner, _) = AxisLines(axis, keepDim: true, "CumSum");
        Tensor result = ScanKernel.CumSum(this, outer, extent, inner, reverse: false);
        if (Autograd.ShouldRecord(this)) RecordCumSum(result, this, outer, extent, inner);
        return result;
    }

    private static void RecordCumSum(Tensor result, Tensor input, int outer, int extent, int inner)
        => Autograd.Record(result, input, g => ScanKernel.CumSum(g, outer, extent, inner, reverse: true), "CumSum", savesValues: false);
}
