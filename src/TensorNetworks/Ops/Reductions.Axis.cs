namespace TensorNetworks;

/// <summary>Axis bookkeeping shared by the reductions and the ops along one axis.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// The (outer, extent, inner) view of the lines along <paramref name="axis"/> and the shape of a reduction along it:
    /// the axis set to 1 (<paramref name="keepDim"/>) or removed. A 0-d tensor is one line of one element for axis 0 or
    /// −1, and reduces to a 0-d tensor with or without keepDim (PyTorch's rule for a dim on a 0-d tensor).
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range, naming <paramref name="op"/>.</exception>
    internal (int Outer, int Extent, int Inner, int[] ReducedDims) AxisLines(int axis, bool keepDim, string op)
    {
        if (Dims.Length == 0)
        {
            if (axis is 0 or -1) return (1, 1, 1, []);
            throw NotAnAxisOfA0dTensor(axis, op);
        }
        int a = axis < 0 ? axis + Dims.Length : axis;
        if ((uint)a >= (uint)Dims.Length)
            throw new ArgumentException($"{op}: axis {axis} is out of range for shape {Shape}; {ValidAxes}.");
        var (outer, extent, inner) = AxisReduction.Split(Dims, a);
        int[] reduced;
        if (keepDim)
        {
            reduced = (int[])Dims.Clone();
            reduced[a] = 1;
        }
        else reduced = [.. Dims[..a], .. Dims[(a + 1)..]];
        return (outer, extent, inner, reduced);
    }

    /// <summary>The error for an axis other than 0 or −1 on a 0-d tensor.</summary>
    internal static ArgumentException NotAnAxisOfA0dTensor(int axis, string op)
        => new($"{op}: axis {axis} is out of range for a 0-d tensor, which takes axis 0 or -1 (one line of one element).");
}
