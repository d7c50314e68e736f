namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Repeats the tensor along broadcast axes to the given shape (materialized by a strided copy that
    /// reads broadcast axes with stride 0). Axes align from the right; an extent of 1 may grow and
    /// missing leading axes are added. The gradient is summed back over the repeated axes.
    /// </summary>
    /// <exception cref="ArgumentException">When this shape does not broadcast to <paramref name="shape"/>.</exception>
    /// <example><code>Tensor rows = TN.Arange(3).BroadcastTo(2, 3); // [[0,1,2],[0,1,2]]</code></example>
    public Tensor BroadcastTo(params int[] shape)
    {
        int[] target = new Shape(shape).ToArray();
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
}
