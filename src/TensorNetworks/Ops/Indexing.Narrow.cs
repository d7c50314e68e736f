namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The <paramref name="length"/> consecutive entries along <paramref name="axis"/> starting at
    /// <paramref name="start"/> (negative counts from the end): result[…, i, …] = this[…, start + i, …].
    /// A new contiguous tensor (a view when it covers the whole axis). The gradient is this tensor's
    /// shape with the incoming gradient in the narrowed range and zeros elsewhere.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range, or start and length do not
    /// fit inside the axis.</exception>
    /// <example><code>Tensor middle = TN.Arange(10).Narrow(0, 3, 4); // [3, 4, 5, 6]</code></example>
    public Tensor Narrow(int axis, int start, int length)
    {
        int a = NormalizeAxis(axis, "Narrow");
        int extent = Dims[a];
        int s = start < 0 ? start + extent : start;
        if (s < 0 || s > extent)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Narrow: start {start} is out of range for axis {axis} of extent {extent} (shape {Shape}); valid starts are {-extent}..{extent}.");
        if (length < 0 || length > extent - s)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Narrow: start {start} with length {length} does not fit in axis {axis} of extent {extent} (shape {Shape}); the length must be 0..{extent - s}.");
        if (length == extent) return View(Dims, "Narrow");
        return GatherAxisRange(a, s, length, 1, "Narrow");
    }

    /// <summary>
    /// The entries start, start + step, … below <paramref name="end"/> along <paramref name="axis"/>, with
    /// Python's slice rules: negative start and end count from the end, and both are then clamped to
    /// 0..extent (so <c>int.MaxValue</c> means "to the end" and an empty range gives extent 0). A new
    /// contiguous tensor. The gradient is scattered back into zeros at the sliced positions.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range or <paramref name="step"/> is not positive.</exception>
    /// <example><code>
    /// Tensor x = TN.Arange(10);
    /// Tensor odd = x.Slice(0, 1, 10, step: 2);   // [1, 3, 5, 7, 9]
    /// Tensor tail = x.Slice(0, -3, int.MaxValue); // [7, 8, 9]
    /// </code></example>
    public Tensor Slice(int axis, int start, int end, int step = 1)
    {
        int a = NormalizeAxis(axis, "Slice");
        if (step <= 0)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Slice: step {step} must be at least 1.");
        int extent = Dims[a];
        int s = (int)Math.Clamp(start < 0 ? (long)start + extent : start, 0, extent);
        int e = (int)Math.Clamp(end < 0 ? (long)end + extent : end, 0, extent);
        int count = e > s ? 1 + (e - s - 1) / step : 0;
        return GatherAxisRange(a, s, count, step, "Slice");
    }
}
