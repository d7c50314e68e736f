namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Removes every axis of extent 1 (a view; a one-element tensor becomes zero-axis). The gradient is
    /// reshaped back.
    /// </summary>
    /// <example><code>Tensor v = TN.Zeros(1, 3, 1).Squeeze(); // shape [3]</code></example>
    public Tensor Squeeze() => View([.. Dims.Where(d => d != 1)], "Squeeze");

    /// <summary>
    /// Removes axis <paramref name="axis"/> when its extent is 1 (a view); as in PyTorch, an axis of another
    /// extent is left in place and the shape is unchanged, and a 0-d tensor takes axis 0 or −1 and stays as it is. The
    /// gradient is reshaped back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range (on a 0-d tensor: other than 0 or −1).</exception>
    /// <example><code>Tensor m = TN.Zeros(2, 1, 3).Squeeze(1); // shape [2, 3]</code></example>
    public Tensor Squeeze(int axis)
    {
        if (Dims.Length == 0)
        {
            if (axis is 0 or -1) return View(Dims, "Squeeze");
            throw new ArgumentOutOfRangeException(nameof(axis), axis,
                $"Squeeze: axis {axis} is out of range for a 0-d tensor, which takes axis 0 or -1 (and stays 0-d).");
        }
        int a = NormalizeAxis(axis, "Squeeze");
        return View(Dims[a] == 1 ? [.. Dims[..a], .. Dims[(a + 1)..]] : Dims, "Squeeze");
    }

    /// <summary>
    /// Inserts an axis of extent 1 before axis <paramref name="axis"/> (a view); <paramref name="axis"/> may
    /// be Order to append, and a negative value counts from the end of the result (-1 appends). The
    /// gradient is reshaped back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is outside -(Order+1)..Order.</exception>
    /// <example><code>Tensor row = TN.Zeros(3).Unsqueeze(0); // shape [1, 3]</code></example>
    public Tensor Unsqueeze(int axis)
    {
        int n = Dims.Length;
        int a = axis < 0 ? axis + n + 1 : axis;
        if ((uint)a > (uint)n)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Unsqueeze: axis {axis} is out of range for shape {Shape}; the new axis may go at {-(n + 1)}..{n}.");
        return View([.. Dims[..a], 1, .. Dims[a..]], "Unsqueeze");
    }

    /// <summary>
    /// Merges axes <paramref name="startAxis"/>..<paramref name="endAxis"/> (inclusive) into one axis whose
    /// extent is their product (a view). A zero-axis tensor becomes shape [1]. The gradient is reshaped back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When an axis is out of range.</exception>
    /// <exception cref="ArgumentException">When <paramref name="startAxis"/> comes after <paramref name="endAxis"/>.</exception>
    /// <example><code>Tensor x = TN.Zeros(2, 3, 4, 5).Flatten(1, 2); // shape [2, 12, 5]</code></example>
    public Tensor Flatten(int startAxis = 0, int endAxis = -1)
    {
        if (Dims.Length == 0) return View([1], "Flatten");
        int start = NormalizeAxis(startAxis, "Flatten"), end = NormalizeAxis(endAxis, "Flatten");
        if (start > end)
            throw new ArgumentException($"Flatten: startAxis {startAxis} (axis {start}) comes after endAxis {endAxis} (axis {end}) for shape {Shape}; pass startAxis <= endAxis.");
        int merged = Shape.ElementCountOf(Dims.AsSpan(start, end - start + 1));
        return View([.. Dims[..start], merged, .. Dims[(end + 1)..]], "Flatten");
    }
}
