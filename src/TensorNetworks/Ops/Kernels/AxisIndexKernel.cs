using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// PyTorch's gather and scatter_add along one axis: position p of the index (whose shape may be smaller than the
/// tensors' on every axis) names, along <c>axis</c>, which entry of the indexed tensor it reads or adds into; on the
/// other axes p's coordinates are used as they are. Positions are walked row-major with an odometer that keeps each
/// tensor's offset, so there is no division per element. Gathers of large indices spread over the cores; scatters
/// run on one thread, since two positions may add into one entry.
/// </summary>
internal static class AxisIndexKernel
{
    /// <summary>r[p] = x[p with its axis coordinate replaced by index[p]]; r has the index's shape.</summary>
    internal static Tensor Gather(Tensor x, int axis, int[] index, int[] indexDims)
    {
        var result = Tensor.Uninitialized(x.DType, indexDims);
        var walk = new Walk(indexDims, Tensor.StridesOf(x.Dims), axis, Tensor.StridesOf(indexDims));
        int n = index.Length;
        if (x.DType == DType.Float32) Gather(new GatherRanges<float>(x.Array<float>(), result.Array<float>(), index, walk), n);
        else Gather(new GatherRanges<double>(x.Array<double>(), result.Array<double>(), index, walk), n);
        GC.KeepAlive(x);
        return result;
    }

    private static void Gather<TBody>(TBody body, int n) where TBody : struct, IRangeBody
    {
        if (n == 0) return;
        if (n >= Parallelism.ElementwiseGrain) Parallelism.For(n, Parallelism.ElementwiseGrain, body);
        else body.Run(0, n);
    }

    /// <summary>target[p with its axis coordinate replaced by index[p]] += source[p], in place; the source is read at
    /// p's coordinates with its own strides.</summary>
    internal static void ScatterAdd(Tensor target, int axis, int[] index, int[] indexDims, Tensor source)
    {
        var walk = new Walk(indexDims, Tensor.StridesOf(target.Dims), axis, Tensor.StridesOf(source.Dims));
        if (target.DType == DType.Float32) ScatterAdd(target.Array<float>(), source.Array<float>(), index, walk);
        else ScatterAdd(target.Array<double>(), source.Array<double>(), index, walk);
        GC.KeepAlive(target);
        GC.KeepAlive(source);
    }

    private static void ScatterAdd<T>(T[] target, T[] source, int[] index, Walk walk) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (index.Length == 0) return;
        Span<int> counter = stackalloc int[walk.Dims.Length];
        walk.Start(0, counter, out int indexed, out int other);
        for (int p = 0; p < index.Length; p++)
        {
            target[indexed + index[p] * walk.AxisStride] += source[other];
            walk.Next(counter, ref indexed, ref other);
        }
    }

    private readonly struct GatherRanges<T>(T[] x, T[] d, int[] index, Walk walk) : IRangeBody where T : unmanaged
    {
        public void Run(int start, int length)
        {
            Span<int> counter = stackalloc int[walk.Dims.Length];
            walk.Start(start, counter, out int indexed, out int position);
            for (int p = start; p < start + length; p++)
            {
                d[p] = x[indexed + index[p] * walk.AxisStride];
                walk.Next(counter, ref indexed, ref position);
            }
        }
    }

    /// <summary>
    /// The row-major walk over the index's positions: <c>indexed</c> is the offset in the indexed tensor with the axis
    /// coordinate left out (added per position as index[p]·AxisStride), <c>other</c> the offset in the second tensor
    /// (the scatter's source, or the index itself for a gather).
    /// </summary>
    private readonly struct Walk(int[] dims, int[] indexedStrides, int axis, int[] otherStrides)
    {
        internal int[] Dims => dims;

        internal int AxisStride => indexedStrides.Length == 0 ? 0 : indexedStrides[axis];

        internal void Start(int flat, Span<int> counter, out int indexed, out int other)
        {
            indexed = 0;
            other = 0;
            for (int a = dims.Length - 1; a >= 0; a--)
            {
                counter[a] = flat % dims[a];
                flat /= dims[a];
                if (a != axis) indexed += counter[a] * indexedStrides[a];
                other += counter[a] * otherStrides[a];
            }
        }

        internal void Next(Span<int> counter, ref int indexed, ref int other)
        {
            for (int a = dims.Length - 1; a >= 0; a--)
            {
                int step = a == axis ? 0 : indexedStrides[a];
                if (++counter[a] < dims[a])
                {
                    indexed += step;
                    other += otherStrides[a];
                    return;
                }
                indexed -= step * (dims[a] - 1);
                other -= otherStrides[a] * (dims[a] - 1);
                counter[a] = 0;
            }
        }
    }
}
