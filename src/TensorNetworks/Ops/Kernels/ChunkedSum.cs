using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Sums as SIMD reductions of <see cref="AxisReduction.SumChunk"/>-element chunks whose results are added in double:
/// a float32 sum over millions of elements keeps about seven digits instead of losing them to one long float32
/// running sum (1.2e-5 relative for a sum of squares over 10⁷ elements). One loop serves every reduction; each is a
/// small struct that reduces one chunk. Sums along a strided axis instead add whole rows into a row of doubles
/// (<see cref="AddRow{T}"/>).
/// </summary>
/// <example><code>double squares = ChunkedSum.Squares&lt;float&gt;(x.Span&lt;float&gt;()); // Σ xᵢ²</code></example>
internal static class ChunkedSum
{
    /// <summary>Σ xᵢ.</summary>
    internal static double Of<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => InChunks<T, Plain<T>>(x, default);

    /// <summary>Σ xᵢ·yᵢ over equally long spans.</summary>
    internal static double Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => InChunks<T, Products<T>>(x, y);

    /// <summary>Σ xᵢ².</summary>
    internal static double Squares<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => InChunks<T, Squared<T>>(x, default);

    /// <summary>Σ (xᵢ − yᵢ)² over equally long spans.</summary>
    internal static double SquaredDistance<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => InChunks<T, SquaredDifferences<T>>(x, y);

    /// <summary>Elements per block of the parallel sums (a multiple of <see cref="AxisReduction.SumChunk"/>).</summary>
    internal const int ParallelBlock = 1 << 16;

    /// <summary>
    /// <see cref="Of{T}"/> of x[0..n) across the cores: each <see cref="ParallelBlock"/>-element block summed in double,
    /// the block sums added in order, so the result does not depend on the core count.
    /// </summary>
    internal static double InParallel<T>(T[] x, int n) where T : unmanaged, IFloatingPointIeee754<T>
        => InBlocks<T, Plain<T>>(x, null, n);

    /// <summary><see cref="Squares{T}"/> of x[0..n) across the cores, as <see cref="InParallel{T}"/>.</summary>
    internal static double SquaresInParallel<T>(T[] x, int n) where T : unmanaged, IFloatingPointIeee754<T>
        => InBlocks<T, Squared<T>>(x, null, n);

    /// <summary><see cref="SquaredDistance{T}"/> of x[0..n) and y[0..n) across the cores, as <see cref="InParallel{T}"/>.</summary>
    internal static double SquaredDistanceInParallel<T>(T[] x, T[] y, int n) where T : unmanaged, IFloatingPointIeee754<T>
        => InBlocks<T, SquaredDifferences<T>>(x, y, n);

    private static double InBlocks<T, TReduction>(T[] x, T[]? y, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReduction : IChunkReduction<T>
    {
        int blocks = (n + ParallelBlock - 1) / ParallelBlock;
        double[] partial = ArrayPool<double>.Shared.Rent(blocks);
        try
        {
            Parallelism.For(blocks, 1, new Blocks<T, TReduction>(x, y, n, partial));
            double total = 0;
            for (int b = 0; b < blocks; b++) total += partial[b];
            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partial);
        }
    }

    private readonly struct Blocks<T, TReduction>(T[] x, T[]? y, int n, double[] partial) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReduction : IChunkReduction<T>
    {
        public void Run(int start, int length)
        {
            for (int b = start; b < start + length; b++)
            {
                int from = b * ParallelBlock, count = Math.Min(ParallelBlock, n - from);
                partial[b] = InChunks<T, TReduction>(x.AsSpan(from, count), y is null ? default : y.AsSpan(from, count));
            }
        }
    }

    /// <summary>
    /// total[i] += row[i], in double: one step of a sum along a strided axis, row by row, kept in a double row so that
    /// each line's sum is rounded to float32 once, at the end, instead of at every row (a float32 running sum of 2M
    /// U[0, 1) values was off by 3.7e-5 relative, and 1024-row float32 partials by 3.7e-6 for a line of tiny terms
    /// beside a 1). Float32 rows are widened a vector at a time; float64 rows take one SIMD add.
    /// </summary>
    internal static void AddRow<T>(Span<double> total, ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            TensorPrimitives.Add(total, MemoryMarshal.Cast<T, double>(row), total);
            return;
        }
        ReadOnlySpan<float> single = MemoryMarshal.Cast<T, float>(row);
        total = total[..single.Length];
        ref float s = ref MemoryMarshal.GetReference(single);
        ref double t = ref MemoryMarshal.GetReference(total);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= single.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<double> low, out Vector<double> high);
                (Vector.LoadUnsafe(ref t, (nuint)i) + low).StoreUnsafe(ref t, (nuint)i);
                (Vector.LoadUnsafe(ref t, (nuint)(i + Vector<double>.Count)) + high).StoreUnsafe(ref t, (nuint)(i + Vector<double>.Count));
            }
        }
        for (; i < single.Length; i++) total[i] += single[i];
    }

    private interface IChunkReduction<T> where T : unmanaged
    {
        /// <summary>The reduction of one chunk; <paramref name="y"/> is empty for one-span reductions.</summary>
        static abstract double Of(ReadOnlySpan<T> x, ReadOnlySpan<T> y);
    }

    private static double InChunks<T, TReduction>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReduction : IChunkReduction<T>
    {
        double total = 0;
        for (int start = 0; start < x.Length; start += AxisReduction.SumChunk)
        {
            int length = Math.Min(AxisReduction.SumChunk, x.Length - start);
            total += TReduction.Of(x.Slice(start, length), y.IsEmpty ? default : y.Slice(start, length));
        }
        return total;
    }

    private readonly struct Plain<T> : IChunkReduction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static double Of(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => double.CreateTruncating(SimdSum.Of(x));
    }

    private readonly struct Products<T> : IChunkReduction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static double Of(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => double.CreateTruncating(SimdSum.Dot(x, y));
    }

    private readonly struct Squared<T> : IChunkReduction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static double Of(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => double.CreateTruncating(SimdSum.Dot(x, x));
    }

    private readonly struct SquaredDifferences<T> : IChunkReduction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static double Of(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => double.CreateTruncating(SimdSum.SquaredDistance(x, y));
    }
}
