namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements viewed with another shape (storage is shared; no copy). One extent may be -1
    /// and is inferred. The gradient is reshaped back.
    /// </summary>
    /// <exception cref="ArgumentException">When the element counts differ or more than one extent is -1.</exception>
    /// <example><code>Tensor m = TN.Arange(6).Reshape(2, -1); // shape [2, 3]</code></example>
    public Tensor Reshape(params int[] shape)
    {
        int[] dims = InferReshape(shape);
        var result = new Tensor(Data, dims);
        if (Autograd.ShouldRecord(this)) RecordReshape(result, Dims);
        return result;
    }

    private void RecordReshape(Tensor result, int[] inputDims) => Autograd.Record(result, this, g => g.Reshape(inputDims), "Reshape");

    private int[] InferReshape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (inferred >= 0)
                    throw new ArgumentException($"Reshape to [{string.Join(", ", shape)}]: only one extent may be -1.");
                inferred = i;
            }
            else if (shape[i] < 0)
                throw new ArgumentException($"Reshape to [{string.Join(", ", shape)}]: extent {shape[i]} at axis {i} is negative.");
            else known *= shape[i];
        }
        var dims = (int[])shape.Clone();
        if (inferred >= 0)
        {
            if (known == 0 || ElementCount % known != 0)
                throw new ArgumentException($"Reshape of shape {Shape} ({ElementCount} elements) to [{string.Join(", ", shape)}]: the -1 extent cannot be inferred; the other extents multiply to {known}.");
            dims[inferred] = (int)(ElementCount / known);
        }
        else if (known != ElementCount)
            throw new ArgumentException($"Reshape of shape {Shape} ({ElementCount} elements) to [{string.Join(", ", shape)}] ({known} elements): the element counts must match.");
        return dims;
    }

    /// <summary>
    /// Repeats the tensor along broadcast axes to the given shape (materialized). Axes align from the
    /// right; an extent of 1 may grow. The gradient is summed back over the repeated axes.
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
        var zeros = ZerosOf(DType, target);
        Tensor result;
        using (new NoGradScope()) result = zeros + this;
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, static g => g, "BroadcastTo");
        return result;
    }
}
