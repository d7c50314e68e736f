using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// Sums over a set of axes by reducing each run of adjacent axes in one pass, the run viewed as
/// (outer, extent, inner): with inner = 1 each output is the SIMD sum of a contiguous row (a sum over
/// every axis is one such row), float32 in 1024-element chunks added in double; otherwise the rows of length inner are
/// added in double by <see cref="StridedSum"/>, across the cores, so a float32 sum along a strided axis is rounded
/// once per output.
/// </summary>
internal static class AxisReduction
{
    /// <summary>Sums <paramref name="t"/> over <paramref name="axes"/> (normalized, distinct), keeping them as extent 1.</summary>
    internal static Tensor SumKeepDims(Tensor t, int[] axes)
    {
        Tensor current = t;
        int[] dims = t.Dims;
        int[] sorted = [.. axes.Where(a => dims[a] != 1).OrderDescending()];
        for (int r = 0; r < sorted.Length;)
        {
            int hi = sorted[r], lo = hi;
            while (++r < sorted.Length && sorted[r] == lo - 1) lo--;
            var next = (int[])dims.Clone();
            for (int a = lo; a <= hi; a++) next[a] = 1;
            int outer = Shape.ElementCountOf(dims.AsSpan(0, lo));
            int extent = Shape.ElementCountOf(dims.AsSpan(lo, hi - lo + 1));
            int inner = Shape.ElementCountOf(dims.AsSpan(hi + 1));
            current = current.DType == DType.Float32
                ? SumRun<float>(current, outer, extent, inner, next)
                : SumRun<double>(current, outer, extent, inner, next);
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

    /// <summary>Elements per SIMD partial sum in <see cref="ChunkedSum"/>: short enough that float32
    /// rounding stays near 1e-5 relative per chunk, long enough to run at full SIMD speed.</summary>
    internal const int SumChunk = 1024;

    /// <summary>Σ values, as SIMD sums of 1024-element chunks accumulated in double (<see cref="ChunkedSum"/>), so a
    /// float32 sum of millions of elements keeps about seven digits instead of losing them to one long running sum.</summary>
    private static T AccurateSum<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
        => T.CreateTruncating(ChunkedSum.Of(values));

    /// <summary>dst[o] = Σ of line o (<see cref="AccurateSum{T}"/>) for the lines of a range; lines are independent, so
    /// the cores split them without changing any result (2048 lines of 512 float32: 64 → ~35 µs on two cores).</summary>
    private readonly struct LineSums<T>(T[] src, int extent, T[] dst) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++) dst[o] = AccurateSum<T>(src.AsSpan(o * extent, extent));
        }
    }

    /// <summary>Lines shorter than this are summed by <see cref="SimdSum.Of{T}"/>'s scalar loop alone (four SIMD vectors).</summary>
    private static int ShortLine<T>() where T : unmanaged => 4 * Vector<T>.Count;

    /// <summary>dst[o] = ((0 + x[o, 0]) + x[o, 1]) + … for lines shorter than <see cref="ShortLine{T}"/>: the order and the
    /// bits of <see cref="LineSums{T}"/> on such lines, without its per-line calls (a 2-element line cost ~4 ns; pooling
    /// 28×28 images by 2×2 blocks sums 2-element lines).</summary>
    private readonly struct ShortLineSums<T>(T[] src, int extent, T[] dst) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            ReadOnlySpan<T> lines = src.AsSpan(start * extent, length * extent);
            Span<T> sums = dst.AsSpan(start, length);
            for (int o = 0, at = 0; o < sums.Length; o++)
            {
                T sum = T.Zero;
                for (int end = at + extent; at < end; at++) sum += lines[at];
                sums[o] = sum;
            }
        }
    }

    private static Tensor SumRun<T>(Tensor t, int outer, int extent, int inner, int[] outDims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = extent == 0 ? Tensor.ZerosOf(t.DType, outDims) : Tensor.Uninitialized(t.DType, outDims);
        ReadOnlySpan<T> src = t.Span<T>();
        Span<T> dst = result.Span<T>();
        if (outer == 1 && inner == 1 && extent >= 2 * ChunkedSum.ParallelBlock)
        {
            dst[0] = T.CreateTruncating(ChunkedSum.InParallel(t.Array<T>(), extent));
        }
        else if (inner == 1)
        {
            int grain = Math.Max(1, Parallelism.ElementwiseGrain / Math.Max(1, extent));
            if (extent < ShortLine<T>()) Parallelism.For(outer, grain, new ShortLineSums<T>(t.Array<T>(), extent, result.Array<T>()));
            else Parallelism.For(outer, grain, new LineSums<T>(t.Array<T>(), extent, result.Array<T>()));
        }
        else
        {
            StridedSum.Run(t.Array<T>(), outer, extent, inner, result.Array<T>());
        }
        GC.KeepAlive(t);
        return result;
    }
}
