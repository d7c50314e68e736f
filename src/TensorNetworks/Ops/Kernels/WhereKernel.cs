using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// d = mask ≠ 0 ? a : b over three broadcast operands: equal shapes take a SIMD select (multi-core
/// when large); otherwise the output is walked row by row with each operand's stride on every axis.
/// </summary>
internal static class WhereKernel
{
    internal static Tensor Run<T>(Tensor mask, Tensor a, Tensor b, int[] dims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Tensor.Uninitialized(a.DType, dims);
        int n = result.ElementCount;
        T[] m = mask.Array<T>(), x = a.Array<T>(), y = b.Array<T>(), d = result.Array<T>();
        if (n == 0) return result;
        if (mask.ElementCount == n && a.ElementCount == n && b.ElementCount == n)
        {
            if (n >= Parallelism.ElementwiseGrain) SelectParallel(m, x, y, d, n);
            else Select<T>(m.AsSpan(0, n), x.AsSpan(0, n), y.AsSpan(0, n), d.AsSpan(0, n));
        }
        else
        {
            Strided(m, BroadcastShapes.AlignedStrides(mask.Dims, dims), x, BroadcastShapes.AlignedStrides(a.Dims, dims),
                y, BroadcastShapes.AlignedStrides(b.Dims, dims), d, dims, n);
        }
        GC.KeepAlive(mask);
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return result;
    }

    private static void SelectParallel<T>(T[] m, T[] x, T[] y, T[] d, int n) where T : unmanaged, IFloatingPointIeee754<T>
        => Parallelism.For(n, Parallelism.ElementwiseGrain, new SelectRanges<T>(m, x, y, d));

    private readonly struct SelectRanges<T>(T[] m, T[] x, T[] y, T[] d) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
            => Select<T>(m.AsSpan(start, length), x.AsSpan(start, length), y.AsSpan(start, length), d.AsSpan(start, length));
    }

    private static void Select<T>(ReadOnlySpan<T> m, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<T>.Count; i <= d.Length - w; i += w)
            {
                Vector<T> isZero = Vector.Equals(new Vector<T>(m.Slice(i, w)), Vector<T>.Zero);
                Vector.ConditionalSelect(isZero, new Vector<T>(y.Slice(i, w)), new Vector<T>(x.Slice(i, w))).CopyTo(d.Slice(i, w));
            }
        }
        for (; i < d.Length; i++) d[i] = m[i] != T.Zero ? x[i] : y[i];
    }

    private static void Strided<T>(T[] m, int[] sm, T[] x, int[] sx, T[] y, int[] sy, T[] d, int[] dims, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rank = dims.Length;
        int inner = dims[rank - 1];
        int rows = n / inner;
        int im = sm[rank - 1], ix = sx[rank - 1], iy = sy[rank - 1];
        var index = new int[rank - 1];
        int om = 0, ox = 0, oy = 0;
        for (int row = 0; row < rows; row++)
        {
            int start = row * inner;
            for (int j = 0; j < inner; j++)
                d[start + j] = m[om + j * im] != T.Zero ? x[ox + j * ix] : y[oy + j * iy];
            for (int axis = rank - 2; axis >= 0; axis--)
            {
                om += sm[axis];
                ox += sx[axis];
                oy += sy[axis];
                if (++index[axis] < dims[axis]) break;
                om -= sm[axis] * dims[axis];
                ox -= sx[axis] * dims[axis];
                oy -= sy[axis] * dims[axis];
                index[axis] = 0;
            }
        }
    }
}
