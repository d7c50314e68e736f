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
        Tensor result = StridedCopy.Gather(t, 0, dims, strides);
        if (Autograd.ShouldRecord(t)) Record(result, t, strides);
        return (result, unique);
    }

    private static void Record(Tensor result, Tensor input, int[] strides)
        => Autograd.Record(result, input, g => StridedCopy.ScatterIntoZeros(g, input.Dims, 0, strides), "EinsumDiagonal");
}
