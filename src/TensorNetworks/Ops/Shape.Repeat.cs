namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Tiles the tensor, PyTorch's <c>repeat</c> (NumPy's <c>tile</c>): with <paramref name="repeats"/> of length R ≥
    /// Order, the shape is first padded with leading 1s to R axes, and the result has extent repeats[k]·dims[k] on axis
    /// k, r[…, i, …] = x[…, i mod dims[k], …]. A repeat of 0 gives an empty axis. Built as a broadcast of the tensor
    /// viewed with an extent-1 axis before each axis, so the copy is one strided gather and the gradient sums the
    /// tiles back. A new tensor, except when every repeat is 1 and no axis is added: then a view, as Reshape.
    /// </summary>
    /// <exception cref="ArgumentException">When there are fewer repeats than axes or a repeat is negative.</exception>
    /// <example><code>Tensor t = TN.Tensor(new[] { 1.0, 2.0 }).Repeat(2, 2); // [[1, 2, 1, 2], [1, 2, 1, 2]]</code></example>
    public Tensor Repeat(params int[] repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        if (repeats.Length < Order)
            throw new ArgumentException($"Repeat: {repeats.Length} repeats [{string.Join(", ", repeats)}] for shape {Shape} with {Order} axes; give at least one repeat per axis (extra leading repeats add axes).", nameof(repeats));
        for (int k = 0; k < repeats.Length; k++)
        {
            if (repeats[k] < 0)
                throw new ArgumentException($"Repeat: repeat {repeats[k]} at position {k} of [{string.Join(", ", repeats)}] is negative; repeats must be >= 0.", nameof(repeats));
        }
        int r = repeats.Length, lead = r - Order;
        var interleaved = new int[2 * r];
        var tiled = new int[2 * r];
        var result = new int[r];
        for (int k = 0; k < r; k++)
        {
            int extent = k < lead ? 1 : Dims[k - lead];
            interleaved[2 * k] = 1;
            interleaved[2 * k + 1] = extent;
            tiled[2 * k] = repeats[k];
            tiled[2 * k + 1] = extent;
            result[k] = checked(repeats[k] * extent);
        }
        return Reshape(interleaved).BroadcastTo(tiled).Reshape(result);
    }
}
