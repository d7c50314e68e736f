namespace TensorNetworks;

/// <summary>Products of elements.</summary>
public sealed partial class Tensor
{
    /// <summary>The product of all elements, as a zero-axis tensor (1 for an empty tensor); see <see cref="Prod(int, bool)"/>.</summary>
    /// <example><code>double p = TN.Tensor(new[] { 2.0, 3.0, 4.0 }).Prod().Item(); // 24</code></example>
    public Tensor Prod()
    {
        Tensor flat = Reshape(ElementCount);
        return flat.Prod(0).Reshape();
    }

    /// <summary>
    /// The product along one axis (negative counts from the end), PyTorch's <c>prod(dim)</c>: r = Π_k x_k over the axis,
    /// 1 for an empty axis; with <paramref name="keepDim"/> the axis stays as extent 1. A 0-d tensor takes axis 0 or −1
    /// and returns its value. Float32 products are formed in double and rounded once. d/dx_k = Π_{j≠k} x_j, computed as
    /// the product of the elements before k times that of the elements after it, so it is exact where the line holds
    /// zeros (one zero: only its own entry is nonzero; two or more: all zero), unlike r/x_k.
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>Tensor rowProducts = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2).Prod(1); // [2, 12]</code></example>
    public Tensor Prod(int axis, bool keepDim = false)
    {
        var (outer, extent, inner, reducedDims) = AxisLines(axis, keepDim, "Prod");
        Tensor result = ProductKernel.Forward(this, outer, extent, inner, reducedDims);
        if (Autograd.ShouldRecord(this)) RecordProd(result, this, outer, extent, inner);
        return result;
    }

    private static void RecordProd(Tensor result, Tensor input, int outer, int extent, int inner)
        => Autograd.Record(result, input, g => ProductKernel.Backward(input, g, outer, extent, inner), "Prod");
}
