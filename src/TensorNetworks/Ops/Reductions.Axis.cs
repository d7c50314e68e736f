namespace TensorNetworks;

/// <summary>Axis bookkeeping shared by the single-axis reductions.</summary>
public sealed partial class Tensor
{
    /// <summary>Normalizes one axis for <paramref name="op"/>, with the message <see cref="NormalizeAxes"/> gives.</summary>
    internal int ReductionAxis(int axis, string op)
    {
        int a = axis < 0 ? axis + Dims.Length : axis;
        if ((uint)a >= (uint)Dims.Length)
            throw new ArgumentException($"{op}: axis {axis} is out of range for shape {Shape}; {ValidAxes}.");
        return a;
    }

    /// <summary><paramref name="dims"/> with axis <paramref name="axis"/> set to 1 (keepDim) or removed.</summary>
    internal static int[] ReducedDims(int[] dims, int axis, bool keepDim)
    {
        if (!keepDim) return [.. dims[..axis], .. dims[(axis + 1)..]];
        var kept = (int[])dims.Clone();
        kept[axis] = 1;
        return kept;
    }
}
