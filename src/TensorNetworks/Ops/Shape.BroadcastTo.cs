namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Repeats the tensor along broadcast axes to the given shape (materialized by a strided copy that
    /// reads broadcast axes with stride 0). Axes align from the right; an extent of 1 may grow and
    /// missing leading axes are added. An extent of −1 keeps this tensor's extent on that axis (PyTorch's
    /// <c>expand(-1, …)</c>); it is refused on an added leading axis, which has no extent to keep. The gradient is summed
    /// back over the repeated axes.
    /// </summary>
    /// <exception cref="ArgumentException">When this shape does not broadcast to <paramref name="shape"/>, or −1 stands
    /// for an added leading axis.</exception>
    /// <example><code>
    /// Tensor rows = TN.Arange(3).BroadcastTo(2, 3);    // [[0,1,2],[0,1,2]]
    /// Tensor wide = TN.Zeros(4, 1).BroadcastTo(-1, 5); // shape [4, 5]
    /// </code></example>
    public Tensor BroadcastTo(params int[] shape)
    {
        int[] target = new Shape(KeepingExtents(shape)).ToArray();
        int[] check = BroadcastShapes.Of(Dims, target, "BroadcastTo");
        if (!check.AsSpan().SequenceEqual(target))
            throw new ArgumentException($"BroadcastTo: shape {Shape} cannot grow to {Shape.Wrap(target)}; it would need {Shape.Wrap(check)}.");
        if (target.AsSpan().SequenceEqual(Dims)) return this;
        Tensor result = ElementCount == 1
            ? Full(DType, target, DType == DType.Float32 ? Span<float>()[0] : Span<double>()[0])
            : StridedCopy.Gather(this, 0, target, BroadcastShapes.AlignedStrides(Dims, target));
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, static g => g, "BroadcastTo", savesValues: false);
        return result;
    }

    /// <summary>The target shape with each −1 replaced by this tensor's extent on the axis it aligns with (from the right).</summary>
    private int[] KeepingExtents(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (System.Array.IndexOf(shape, -1) < 0) return shape;
        var resolved = (int[])shape.Clone();
        int lead = shape.Length - Order;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] != -1) continue;
            if (i < lead)
                throw new ArgumentException($"BroadcastTo: extent -1 at position {i} of {Shape.Wrap(shape)} falls on a new leading axis (shape {Shape} has {Order} axes, so the first {lead} are added); give that axis's extent.", nameof(shape));
            resolved[i] = Dims[i - lead];
        }
        return resolved;
    }
}
