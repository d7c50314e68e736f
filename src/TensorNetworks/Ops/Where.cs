namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Elementwise selection r = mask ≠ 0 ? a : b, with NumPy broadcasting across all three operands.
    /// The mask holds 0/1 values (there is no bool dtype; any nonzero value, NaN included, counts as
    /// true) and may have either dtype. dr/da = 1 where the mask is true, else 0; dr/db is the
    /// complement; the mask gets no gradient.
    /// </summary>
    /// <exception cref="ArgumentException">When a and b have different dtypes or the shapes do not broadcast.</exception>
    /// <example><code>
    /// Tensor x = TN.Tensor(new[] { -1.0, 2.0, -3.0 });
    /// Tensor mask = TN.Tensor(new[] { 0.0, 1.0, 0.0 });
    /// Tensor r = TN.Where(mask, x, TN.Scalar(0.0, DType.Float64)); // [0, 2, 0]
    /// </code></example>
    public static Tensor Where(Tensor mask, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        BroadcastShapes.RequireSameDType(a, b, "Where");
        int[] dims = BroadcastShapes.Of(mask.Dims, BroadcastShapes.Of(a.Dims, b.Dims, "Where (a and b)"), "Where (mask and values)");
        Tensor m = mask.DType == a.DType ? mask : mask.Detach().To(a.DType);
        Tensor r = Select(m, a, b, dims);
        if (Autograd.ShouldRecord(a, b)) RecordWhere(r, m, a, b);
        return r;
    }

    private static Tensor Select(Tensor mask, Tensor a, Tensor b, int[] dims)
        => a.DType == DType.Float32 ? WhereKernel.Run<float>(mask, a, b, dims) : WhereKernel.Run<double>(mask, a, b, dims);

    private static void RecordWhere(Tensor r, Tensor mask, Tensor a, Tensor b)
        => Autograd.Record(r,
            a, g => Select(mask, g, TensorNetworks.Tensor.ZerosOf(g.DType, []), g.Dims),
            b, g => Select(mask, TensorNetworks.Tensor.ZerosOf(g.DType, []), g, g.Dims),
            "Where");
}
