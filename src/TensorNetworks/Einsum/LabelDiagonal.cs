namespace TensorNetworks;

/// <summary>
/// The generalized diagonal of an operand whose labels repeat ("ii->i", "iji->ij"): the result keeps
/// each label once (first occurrence order) and reads t[..., i, ..., i, ...]. It is a strided gather
/// whose stride for a label is the sum of the strides of the axes carrying it; the backward scatters
/// the gradient back onto those positions (all others get zero).
/// </summary>
internal static class LabelDiagonal
{
    internal static (Tensor Tensor, int[] Labels) Take(Tensor t, int[] labels)
    {
        int[] unique = [.. labels.Distinct()];
        if (unique.Length == labels.Length) return (t, labels);
        int[] inStrides = Tensor.StridesOf(t.Dims);
        var dims = new int[unique.Length];
        var strides = new int[unique.Length];
        for (int u = 0; u < unique.Length; u++)
        {
            for (int axis = 0; axis < labels.Length; axis++)
            {
                if (labels[axis] != unique[u]) continue;
                dims[u] = t.Dims[axis];
                strides[u] += inStrides[axis];
            }
        }
        var result = Tensor.Uninitialized(t.DType, dims);
        if (t.DType == DType.Float32) Gather<float>(t.Array<float>(), result.Span<float>(), dims, strides);
        else Gather<double>(t.Array<double>(), result.Span<double>(), dims, strides);
        GC.KeepAlive(t);
        if (Autograd.ShouldRecord(t)) Record(result, t, dims, strides);
        return (result, unique);
    }

    private static void Record(Tensor result, Tensor input, int[] dims, int[] strides)
        => Autograd.Record(result, input, g => Scatter(g, input.Dims, dims, strides), "EinsumDiagonal");

    private static Tensor Scatter(Tensor g, int[] inputDims, int[] dims, int[] strides)
    {
        var full = Tensor.ZerosOf(g.DType, inputDims);
        if (g.DType == DType.Float32) ScatterInto<float>(g.Span<float>(), full.Array<float>(), dims, strides);
        else ScatterInto<double>(g.Span<double>(), full.Array<double>(), dims, strides);
        GC.KeepAlive(g);
        return full;
    }

    private static void Gather<T>(T[] source, Span<T> destination, int[] dims, int[] strides) where T : unmanaged
    {
        int k = 0;
        foreach (int offset in Offsets(dims, strides)) destination[k++] = source[offset];
    }

    private static void ScatterInto<T>(ReadOnlySpan<T> source, T[] destination, int[] dims, int[] strides) where T : unmanaged
    {
        int k = 0;
        foreach (int offset in Offsets(dims, strides)) destination[offset] = source[k++];
    }

    /// <summary>Source offsets of the output elements in row-major order.</summary>
    private static IEnumerable<int> Offsets(int[] dims, int[] strides)
    {
        if (Shape.ElementCountOf(dims) == 0) yield break;
        var index = new int[dims.Length];
        int offset = 0;
        while (true)
        {
            yield return offset;
            int axis = dims.Length - 1;
            for (; axis >= 0; axis--)
            {
                offset += strides[axis];
                if (++index[axis] < dims[axis]) break;
                offset -= strides[axis] * dims[axis];
                index[axis] = 0;
            }
            if (axis < 0) yield break;
        }
    }
}
