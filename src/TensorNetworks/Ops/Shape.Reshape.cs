namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements viewed with another shape (storage is shared; no copy). One extent may be -1
    /// and is inferred. The gradient is reshaped back.
    /// </summary>
    /// <exception cref="ArgumentException">When the element counts differ or more than one extent is -1.</exception>
    /// <example><code>Tensor m = TN.Arange(6).Reshape(2, -1); // shape [2, 3]</code></example>
    public Tensor Reshape(params int[] shape) => View(InferReshape(shape), "Reshape");

    /// <summary>
    /// This tensor's storage under other extents with the same element count: a view, recorded so that
    /// the gradient is reshaped back to this tensor's shape. Reshape, squeeze, unsqueeze, flatten and
    /// order-keeping permutations all end here.
    /// </summary>
    private Tensor View(int[] dims, string op)
    {
        var result = ViewAs(dims);
        if (Autograd.ShouldRecord(this)) RecordView(result, op);
        return result;
    }

    private void RecordView(Tensor result, string op)
    {
        int[] inputDims = Dims;
        Autograd.Record(result, this, g => g.Reshape(inputDims), op, savesValues: false);
    }

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
}
