using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// Sums over a set of axes by reducing one axis at a time, each viewed as (outer, extent, inner):
/// with inner = 1 each output is the SIMD sum of a contiguous row; otherwise rows of length inner
/// are added together.
/// </summary>
internal static class AxisReduction
{
    /// <summary>Sums <paramref name="t"/> over <paramref name="axes"/> (normalized, distinct), keeping them as extent 1.</summary>
    internal static Tensor SumKeepDims(Tensor t, int[] axes)
    {
        Tensor current = t;
        int[] dims = t.Dims;
        foreach (int axis in axes.OrderDescending())
        {
            if (dims[axis] == 1) continue;
            var next = (int[])dims.Clone();
            next[axis] = 1;
            current = current.DType == DType.Float32
                ? SumAxis<float>(current, dims, axis, next)
                : SumAxis<double>(current, dims, axis, next);
            dims = next;
        }
        return ReferenceEquals(current, t) ? t.ViewAs(t.Dims) : current;
    }

    /// <summary>Views <paramref name="dims"/> as (outer, extent, inner) around <paramref name="axis"/>:
    /// element (o, k, i) sits at (o·extent + k)·inner + i.</summary>
    internal static (int Outer, int Extent, int Inner) Split(int[] dims, int axis)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= dims[i];
        for (int i = axis + 1; i < dims.Length; i++) inner *= dims[i];
        return (outer, dims[axis], inner);
    }

    private static Tensor SumAxis<T>(Tensor t, int[] dims, int axis, int[] outDims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (outer, extent, inner) = Split(dims, axis);
        var result = Tensor.ZerosOf(t.DType, outDims);
        ReadOnlySpan<T> src = t.Span<T>();
        Span<T> dst = result.Span<T>();
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++) dst[o] = TensorPrimitives.Sum(src.Slice(o * extent, extent));
        }
        else
        {
            for (int o = 0; o < outer; o++)
            {
                var row = dst.Slice(o * inner, inner);
                int block = o * extent * inner;
                for (int k = 0; k < extent; k++) TensorPrimitives.Add(row, src.Slice(block + k * inner, inner), row);
            }
        }
        GC.KeepAlive(t);
        return result;
    }
}
