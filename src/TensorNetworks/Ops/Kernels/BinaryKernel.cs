using System.Numerics;

namespace TensorNetworks;

/// <summary>An elementwise binary operation on spans, with the scalar forms broadcasting needs.</summary>
internal interface IBinaryOp<T>
{
    static abstract void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);
    static abstract void Apply(ReadOnlySpan<T> x, T y, Span<T> destination);
    static abstract void Apply(T x, ReadOnlySpan<T> y, Span<T> destination);
}

/// <summary>
/// Runs an <see cref="IBinaryOp{T}"/> over two broadcast operands: equal shapes and scalars take
/// whole-span (SIMD, multi-core) paths; the general case walks the output row by row with every row
/// a span or a scalar of each operand.
/// </summary>
internal static class BinaryKernel
{
    internal static Tensor Run<T, TOp>(Tensor a, Tensor b, int[] dims)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        var result = Tensor.Uninitialized(a.DType, dims);
        T[] x = a.Array<T>(), y = b.Array<T>(), d = result.Array<T>();
        int n = result.ElementCount;
        bool sameX = a.ElementCount == n, sameY = b.ElementCount == n;
        if (n >= Parallelism.ElementwiseGrain && (sameX || a.ElementCount == 1) && (sameY || b.ElementCount == 1))
            RunParallel<T, TOp>(x, sameX, y, sameY, d, n);
        else if (sameX && sameY) TOp.Apply(x.AsSpan(0, n), y.AsSpan(0, n), d);
        else if (b.ElementCount == 1) TOp.Apply(x.AsSpan(0, n), y[0], d);
        else if (a.ElementCount == 1) TOp.Apply(x[0], y.AsSpan(0, n), d);
        else Strided<T, TOp>(x, BroadcastShapes.AlignedStrides(a.Dims, dims), y, BroadcastShapes.AlignedStrides(b.Dims, dims), d, dims);
        return result;
    }

    private static void RunParallel<T, TOp>(T[] x, bool spanX, T[] y, bool spanY, T[] d, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        if (spanX && spanY) Parallelism.For(n, Parallelism.ElementwiseGrain, (s, len) => TOp.Apply(x.AsSpan(s, len), y.AsSpan(s, len), d.AsSpan(s, len)));
        else if (spanX) Parallelism.For(n, Parallelism.ElementwiseGrain, (s, len) => TOp.Apply(x.AsSpan(s, len), y[0], d.AsSpan(s, len)));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, (s, len) => TOp.Apply(x[0], y.AsSpan(s, len), d.AsSpan(s, len)));
    }

    internal static Tensor RunScalar<T, TOp>(Tensor a, T scalar, bool scalarOnLeft)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        var result = Tensor.Uninitialized(a.DType, a.Dims);
        T[] x = a.Array<T>(), d = result.Array<T>();
        int n = result.ElementCount;
        if (n >= Parallelism.ElementwiseGrain)
        {
            var s = new T[] { scalar };
            if (scalarOnLeft) RunParallel<T, TOp>(s, false, x, true, d, n);
            else RunParallel<T, TOp>(x, true, s, false, d, n);
        }
        else if (scalarOnLeft) TOp.Apply(scalar, x.AsSpan(0, n), d);
        else TOp.Apply(x.AsSpan(0, n), scalar, d);
        return result;
    }

    private static void Strided<T, TOp>(T[] x, int[] sx, T[] y, int[] sy, T[] d, int[] dims)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        int rank = dims.Length;
        int inner = dims[rank - 1];
        int rows = inner == 0 ? 0 : d.Length / inner;
        if (d.Length == 0) return;
        int ix = sx[rank - 1], iy = sy[rank - 1];
        var index = new int[rank - 1];
        int ox = 0, oy = 0;
        for (int row = 0; row < rows; row++)
        {
            var dest = d.AsSpan(row * inner, inner);
            if (ix == 1 && iy == 1) TOp.Apply(x.AsSpan(ox, inner), y.AsSpan(oy, inner), dest);
            else if (ix == 1) TOp.Apply(x.AsSpan(ox, inner), y[oy], dest);
            else if (iy == 1) TOp.Apply(x[ox], y.AsSpan(oy, inner), dest);
            else
            {
                TOp.Apply(x.AsSpan(ox, 1), y[oy], dest[..1]);
                dest.Fill(dest[0]);
            }
            for (int axis = rank - 2; axis >= 0; axis--)
            {
                ox += sx[axis];
                oy += sy[axis];
                if (++index[axis] < dims[axis]) break;
                ox -= sx[axis] * dims[axis];
                oy -= sy[axis] * dims[axis];
                index[axis] = 0;
            }
        }
    }
}
