namespace TensorNetworks;

/// <summary>
/// The generalized diagonal of an operand whose labels repeat ("ii->i", "iji->ij"): the result keeps
/// each label once (first occurrence order) and reads t[..., i, ..., i, ...]. It is a strided gather
/// whose stride for a label is the sum of the strides of the axes carrying it; the backward scatters
/// the gradient back onto those positions (all others get zero).
/// </summary>
/// <param name="Dims">Extents of the diagonal, one per distinct label.</param>
/// <param name="Strides">Element strides into the operand, one per distinct label.</param>
internal sealed record LabelDiagonal(int[] Dims, int[] Strides)
{
    /// <summary>The diagonal an operand of extents <paramref name="dims"/> with <paramref name="labels"/>
    /// needs, or null when no label repeats; <paramref name="unique"/> gets the labels kept.</summary>
    internal static LabelDiagonal? Plan(int[] dims, int[] labels, out int[] unique)
    {
        unique = [.. labels.Distinct()];
        if (unique.Length == labels.Length) return null;
        int[] inStrides = Tensor.StridesOf(dims);
        var outDims = new int[unique.Length];
        var strides = new int[unique.Length];
        for (int u = 0; u < unique.Length; u++)
        {
            for (int axis = 0; axis < labels.Length; axis++)
            {
                if (labels[axis] != unique[u]) continue;
                outDims[u] = dims[axis];
                strides[u] += inStrides[axis];
            }
        }
        return new LabelDiagonal(outDims, strides);
    }

    /// <summary>Gathers the diagonal of <paramref name="t"/>; recorded for autodiff.</summary>
    internal Tensor Take(Tensor t)
    {
        Tensor result = StridedCopy.Gather(t, 0, Dims, Strides);
        if (Autograd.ShouldRecord(t))
        {
            int[] inputDims = t.Dims, strides = Strides;
            Autograd.Record(result, t, g => StridedCopy.ScatterIntoZeros(g, inputDims, 0, strides), "EinsumDiagonal", savesValues: false);
        }
        return result;
    }
}
