namespace TensorNetworks;

/// <summary>NumPy broadcasting of shapes: axes align from the right; an extent of 1 stretches.</summary>
internal static class BroadcastShapes
{
    /// <summary>The broadcast result of two shapes.</summary>
    /// <exception cref="ArgumentException">Naming both shapes and the first incompatible axis.</exception>
    internal static int[] Of(int[] a, int[] b, string op)
    {
        if (a.AsSpan().SequenceEqual(b)) return a;
        int n = Math.Max(a.Length, b.Length);
        var result = new int[n];
        for (int i = 1; i <= n; i++)
        {
            int da = i <= a.Length ? a[^i] : 1;
            int db = i <= b.Length ? b[^i] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {Shape.Wrap(a)} and {Shape.Wrap(b)} do not broadcast: axis {-i} has extent {da} on the left and {db} on the right; extents must be equal or 1.");
            result[^i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Strides of <paramref name="dims"/> aligned to <paramref name="target"/>, 0 on broadcast axes.</summary>
    internal static int[] AlignedStrides(int[] dims, int[] target)
    {
        var strides = new int[target.Length];
        int lead = target.Length - dims.Length;
        int s = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[lead + i] = dims[i] == 1 && target[lead + i] != 1 ? 0 : s;
            s *= dims[i];
        }
        return strides;
    }

    /// <summary>Throws a clear message when two tensors' dtypes differ.</summary>
    internal static void RequireSameDType(Tensor a, Tensor b, string op)
    {
        if (a.DType != b.DType)
            throw new ArgumentException($"{op}: dtype mismatch: left is {a.DType} {a.Shape}, right is {b.DType} {b.Shape}. Convert one with To(DType.{a.DType}) or To(DType.{b.DType}).");
    }
}
