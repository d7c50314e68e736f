namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The slice at <paramref name="index"/> along <paramref name="axis"/>, with that axis removed:
    /// result[…] = this[…, index, …] (negative index counts from the end). A new contiguous tensor. The
    /// gradient is zeros of this tensor's shape with the incoming gradient at the selected slice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis or the index is out of range.</exception>
    /// <example><code>Tensor secondRow = TN.Arange(6).Reshape(2, 3).Select(0, 1); // [3, 4, 5]</code></example>
    public Tensor Select(int axis, int index)
    {
        int a = NormalizeAxis(axis, "Select");
        int i = CheckIndex(index, a, axis, nameof(index), "Select");
        int[] strides = StridesOf(Dims);
        int[] dims = [.. Dims[..a], .. Dims[(a + 1)..]];
        int[] viewStrides = [.. strides[..a], .. strides[(a + 1)..]];
        return GatherView(dims, i * strides[a], viewStrides, "Select");
    }

    /// <summary>
    /// Picks the slices at <paramref name="indices"/> along <paramref name="axis"/>, in that order, with
    /// repeats allowed: result[…, k, …] = this[…, indices[k], …] (negative indices count from the end).
    /// The gradient is an index-add: slice k of the incoming gradient is added at position indices[k], so a
    /// repeated index receives the sum of its slices.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis or an index is out of range (the message
    /// names the index and its position).</exception>
    /// <example><code>Tensor cols = TN.Arange(6).Reshape(2, 3).IndexSelect(1, [2, 0, 2]); // [[2, 0, 2], [5, 3, 5]]</code></example>
    public Tensor IndexSelect(int axis, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int a = NormalizeAxis(axis, "IndexSelect");
        bool record = Autograd.ShouldRecord(this), negative = false;
        int extent = Dims[a];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k] < 0 ? indices[k] + extent : indices[k];
            if ((uint)i >= (uint)extent) CheckIndex(indices[k], a, axis, $"{nameof(indices)}[{k}]", "IndexSelect");
            negative |= indices[k] < 0;
        }
        int[] normalized = negative || record ? System.Array.ConvertAll(indices, k => k < 0 ? k + extent : k) : indices;
        Tensor result = IndexRows.Gather(this, a, normalized);
        if (record) RecordIndexSelect(result, a, normalized);
        return result;
    }

    private void RecordIndexSelect(Tensor result, int axis, int[] indices)
    {
        int[] inputDims = Dims;
        Autograd.Record(result, this, g => IndexRows.ScatterAdd(g, inputDims, axis, indices), "IndexSelect", savesValues: false);
    }

    private int CheckIndex(int index, int axis, int axisAsGiven, string name, string op)
    {
        int extent = Dims[axis];
        int i = index < 0 ? index + extent : index;
        if ((uint)i >= (uint)extent)
            throw new ArgumentOutOfRangeException(name, index, $"{op}: index {index} ({name}) is out of range for axis {axisAsGiven} of extent {extent} (shape {Shape}); valid indices are {-extent}..{extent - 1}.");
        return i;
    }
}
