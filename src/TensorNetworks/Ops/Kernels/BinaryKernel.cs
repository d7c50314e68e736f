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
        else if (sameX && sameY) TOp.Apply(x.AsSpan(0, n), y.AsSpan(0, n), d.AsSpan(0, n));
        else if (b.ElementCount == 1) TOp.Apply(x.AsSpan(0, n), y[0], d.AsSpan(0, n));
        else if (a.ElementCount == 1) TOp.Apply(x[0], y.AsSpan(0, n), d.AsSpan(0, n));
        else Strided<T, TOp>(x, BroadcastShapes.AlignedStrides(a.Dims, dims), y, BroadcastShapes.AlignedStrides(b.Dims, dims), d, dims, n);
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return result;
    }

    private static void RunParallel<T, TOp>(T[] x, bool spanX, T[] y, bool spanY, T[] d, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
        => Parallelism.ForInCacheBlocks(n, Parallelism.ElementwiseGrain, new Ranges<T, TOp>(x, spanX, y, spanY, d));

    /// <summary>d = op(x, y) on a range; x or y is a scalar (element 0) when not a span.</summary>
    private readonly struct Ranges<T, TOp>(T[] x, bool spanX, T[] y, bool spanY, T[] d) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        public void Run(int start, int length)
        {
            if (spanX && spanY) TOp.Apply(x.AsSpan(start, length), y.AsSpan(start, length), d.AsSpan(start, length));
            else if (spanX) TOp.Apply(x.AsSpan(start, length), y[0], d.AsSpan(start, length));
            else TOp.Apply(x[0], y.AsSpan(start, length), d.AsSpan(start, length));
        }
    }

    /// <summary>destination += addend, in place, for tensors of equal shape and dtype.</summary>
    internal static void AddInPlace(Tensor destination, Tensor addend)
    {
        if (destination.DType == DType.Float32) AddInPlace<float>(destination, addend);
        else AddInPlace<double>(destination, addend);
        GC.KeepAlive(destination);
        GC.KeepAlive(addend);
    }

    private static void AddInPlace<T>(Tensor destination, Tensor addend) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] d = destination.Array<T>(), x = addend.Array<T>();
        int n = destination.ElementCount;
        if (n >= Parallelism.ElementwiseGrain) RunParallel<T, AddOp<T>>(d, true, x, true, d, n);
        else AddOp<T>.Apply(d.AsSpan(0, n), x.AsSpan(0, n), d.AsSpan(0, n));
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
        else if (scalarOnLeft) TOp.Apply(scalar, x.AsSpan(0, n), d.AsSpan(0, n));
        else TOp.Apply(x.AsSpan(0, n), scalar, d.AsSpan(0, n));
        GC.KeepAlive(a);
        return result;
    }

    /// <summary>The general broadcast: each output row (the last axis) is a span or a scalar of each
    /// operand, and an <see cref="Odometer"/> over the other axes keeps both operands' row offsets.</summary>
    private static void Strided<T, TOp>(T[] x, int[] sx, T[] y, int[] sy, T[] d, int[] dims, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : IBinaryOp<T>
    {
        int rank = dims.Length;
        int inner = dims[rank - 1];
        if (n == 0) return;
        int rows = n / inner;
        int ix = sx[rank - 1], iy = sy[rank - 1];
        Span<int> index = stackalloc int[rank - 1];
        var rowStart = new Odometer(dims.AsSpan(0, rank - 1), sx.AsSpan(0, rank - 1), sy.AsSpan(0, rank - 1), index, 0);
        for (int row = 0; row < rows; row++)
        {
            int ox = rowStart.A, oy = rowStart.B;
            var dest = d.AsSpan(row * inner, inner);
            if (ix == 1 && iy == 1) TOp.Apply(x.AsSpan(ox, inner), y.AsSpan(oy, inner), dest);
            else if (ix == 1) TOp.Apply(x.AsSpan(ox, inner), y[oy], dest);
            else if (iy == 1) TOp.Apply(x[ox], y.AsSpan(oy, inner), dest);
            else
            {
                TOp.Apply(x.AsSpan(ox, 1), y[oy], dest[..1]);
                dest.Fill(dest[0]);
            }
            rowStart.Next();
        }
    }
}
