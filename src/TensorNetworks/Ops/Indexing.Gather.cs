namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Copies the strided view (offset, strides) of extents <paramref name="dims"/> out of this tensor.
    /// The view must not visit an element twice; the gradient is then scattered into zeros of this
    /// tensor's shape through the same view. Narrow, Slice, Select and Diagonal are such views.
    /// </summary>
    private Tensor GatherView(int[] dims, int offset, int[] strides, string op)
    {
        Tensor result = StridedCopy.Gather(this, offset, dims, strides);
        if (Autograd.ShouldRecord(this)) RecordGatherView(result, offset, strides, op);
        return result;
    }

    private void RecordGatherView(Tensor result, int offset, int[] strides, string op)
    {
        int[] inputDims = Dims;
        Autograd.Record(result, this, g => StridedCopy.ScatterIntoZeros(g, inputDims, offset, strides), op, savesValues: false);
    }

    /// <summary>Every step-th index along <paramref name="axis"/> (normalized) from <paramref name="start"/>, <paramref name="count"/> of them.</summary>
    private Tensor GatherAxisRange(int axis, int start, int count, int step, string op)
    {
        int[] strides = StridesOf(Dims);
        int[] dims = (int[])Dims.Clone();
        dims[axis] = count;
        int offset = count == 0 ? 0 : start * strides[axis];
        strides[axis] *= step;
        return GatherView(dims, offset, strides, op);
    }
}
