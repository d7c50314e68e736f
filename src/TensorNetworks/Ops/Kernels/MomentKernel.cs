using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Variance (or its square root) along the middle axis of an (outer, extent, inner) view, in two passes kept in
/// double: the mean first, then Σ (x − mean)², so that a large mean does not cancel the spread away (the one-pass
/// Σx² − n·mean² loses every digit when the spread is 1e-4 of the mean in float32). Contiguous lines (inner = 1) reduce
/// in <see cref="AxisReduction.SumChunk"/>-element SIMD chunks added in double, one line split into 64K-element blocks
/// across the cores and added in block order (so the result does not depend on the core count); strided lines add
/// whole rows into rows of doubles, in panels of at most <see cref="PanelWidth"/> columns spread over the cores.
/// </summary>
internal static class MomentKernel
{
    /// <summary>Columns per work item along a strided axis.</summary>
    private const int PanelWidth = 4096;

    /// <summary>result[o, i] = Σ_k (x[o, k, i] − mean[o, i])² / <paramref name="divisor"/>, or its square root.</summary>
    internal static Tensor Variance(Tensor t, int outer, int extent, int inner, double divisor, bool squareRoot, int[] outDims)
    {
        var result = Tensor.Uninitialized(t.DType, outDims);
        if (t.DType == DType.Float32) Run(t.Array<float>(), result.Array<float>(), outer, extent, inner, divisor, squareRoot);
        else Run(t.Array<double>(), result.Array<double>(), outer, extent, inner, divisor, squareRoot);
        GC.KeepAlive(t);
        return result;
    }

    private static void Run<T>(T[] x, T[] d, int outer, int extent, int inner, double divisor, bool squareRoot) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (outer == 0 || inner == 0) return;
        var moments = new Finish(divisor, squareRoot);
        if (inner > 1)
        {
            int panels = (inner + PanelWidth - 1) / PanelWidth;
            var body = new Panels<T>(x, d, extent, inner, panels, moments);
            if ((long)outer * extent * inner >= Parallelism.ElementwiseGrain) Parallelism.Run(outer * panels, body);
            else body.Run(0, outer * panels);
        }
        else if (outer == 1 && extent >= 2 * ChunkedSum.ParallelBlock) d[0] = T.CreateTruncating(moments.Of(LongLine(x, extent)));
        else
        {
            var body = new Lines<T>(x, d, extent, moments);
            int grain = Math.Max(1, Parallelism.ElementwiseGrain / Math.Max(1, extent));
            if ((long)outer * extent >= Parallelism.ElementwiseGrain) Parallelism.For(outer, grain, body);
            else body.Run(0, outer);
        }
    }

    /// <summary>Turns Σ (x − mean)² into the variance or the standard deviation.</summary>
    private readonly struct Finish(double divisor, bool squareRoot)
    {
        internal double Of(double squaredDeviations)
        {
            double variance = squaredDeviations / divisor;
            return squareRoot ? Math.Sqrt(variance) : variance;
        }
    }

    private readonly struct Lines<T>(T[] x, T[] d, int extent, Finish moments) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++)
            {
                ReadOnlySpan<T> line = x.AsSpan(o * extent, extent);
                T mean = T.CreateTruncating(ChunkedSum.Of(line) / extent);
                d[o] = T.CreateTruncating(moments.Of(Corrected(Deviations(line, mean), extent)));
            }
        }
    }

    /// <summary>Σ (x − x̄)² of one long line, each pass split into blocks across the cores: the mean from
    /// <see cref="ChunkedSum.InParallel{T}"/>, then each block's deviations.</summary>
    private static double LongLine<T>(T[] x, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blocks = (n + ChunkedSum.ParallelBlock - 1) / ChunkedSum.ParallelBlock;
        var squares = new double[blocks];
        var sums = new double[blocks];
        T mean = T.CreateTruncating(ChunkedSum.InParallel(x, n) / n);
        Parallelism.Run(blocks, new LineBlocks<T>(x, n, squares, sums, mean));
        double squareTotal = 0, sumTotal = 0;
        for (int b = 0; b < blocks; b++)
        {
            squareTotal += squares[b];
            sumTotal += sums[b];
        }
        return Corrected((squareTotal, sumTotal), n);
    }

    /// <summary>Block b's Σ (x − mean)² and Σ (x − mean) into squares[b] and sums[b].</summary>
    private readonly struct LineBlocks<T>(T[] x, int n, double[] squares, double[] sums, T mean) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int b = start; b < start + length; b++)
            {
                int first = b * ChunkedSum.ParallelBlock;
                (squares[b], sums[b]) = Deviations(x.AsSpan(first, Math.Min(ChunkedSum.ParallelBlock, n - first)), mean);
            }
        }
    }

    /// <summary>Σ (x − mean)² in SIMD chunks, each chunk's sums added in double, with the deviations' own sum:
    /// see <see cref="Corrected"/>.</summary>
    private static (double Squares, double Sum) Deviations<T>(ReadOnlySpan<T> x, T mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> deviations = stackalloc T[AxisReduction.SumChunk];
        double squares = 0, sum = 0;
        for (int start = 0; start < x.Length; start += AxisReduction.SumChunk)
        {
            int length = Math.Min(AxisReduction.SumChunk, x.Length - start);
            Span<T> chunk = deviations[..length];
            TensorPrimitives.Subtract(x.Slice(start, length), mean, chunk);
            squares += double.CreateTruncating(SimdSum.Dot<T>(chunk, chunk));
            sum += double.CreateTruncating(SimdSum.Of<T>(chunk));
        }
        return (squares, sum);
    }

    /// <summary>
    /// Σ (x − x̄)² from the deviations from a rounded mean m = x̄ + δ: Σ (x − m)² = Σ (x − x̄)² + nδ² and Σ (x − m) = −nδ,
    /// so the rounding of the mean to the element type (a float32 mean of values near 1000 is off by up to 3e-5, which
    /// against a spread of 0.01 is a 1e-4 relative error in the variance) is taken back out (the corrected two-pass
    /// algorithm of Chan, Golub and LeVeque).
    /// </summary>
    private static double Corrected((double Squares, double Sum) d, int n) => n == 0 ? 0 : Math.Max(0, d.Squares - d.Sum * d.Sum / n);

    /// <summary>Item (o, panel): the columns of one panel of block o, every row added into rows of doubles.</summary>
    private readonly struct Panels<T>(T[] x, T[] d, int extent, int inner, int panels, Finish moments) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            double[] rented = ArrayPool<double>.Shared.Rent(2 * PanelWidth);
            for (int item = start; item < start + length; item++)
            {
                int o = item / panels, first = item % panels * PanelWidth, width = Math.Min(PanelWidth, inner - first);
                Span<double> mean = rented.AsSpan(0, width), squares = rented.AsSpan(PanelWidth, width);
                mean.Clear();
                squares.Clear();
                int block = o * extent * inner + first;
                for (int k = 0; k < extent; k++) ChunkedSum.AddRow(mean, x.AsSpan(block + k * inner, width));
                TensorPrimitives.Divide(mean, extent, mean);
                for (int k = 0; k < extent; k++) AddSquaredDeviations(squares, mean, x.AsSpan(block + k * inner, width));
                Span<T> destination = d.AsSpan(o * inner + first, width);
                for (int c = 0; c < width; c++) destination[c] = T.CreateTruncating(moments.Of(squares[c]));
            }
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>squares[i] += (row[i] − mean[i])², in double (float32 rows widened a vector at a time).</summary>
    private static void AddSquaredDeviations<T>(Span<double> squares, ReadOnlySpan<double> mean, ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref double s = ref MemoryMarshal.GetReference(squares);
        ref double m = ref MemoryMarshal.GetReference(mean);
        int i = 0, w = Vector<double>.Count;
        if (typeof(T) == typeof(double))
        {
            ReadOnlySpan<double> values = MemoryMarshal.Cast<T, double>(row);
            ref double v = ref MemoryMarshal.GetReference(values);
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= values.Length - w; i += w)
                {
                    Vector<double> deviation = Vector.LoadUnsafe(ref v, (nuint)i) - Vector.LoadUnsafe(ref m, (nuint)i);
                    (Vector.LoadUnsafe(ref s, (nuint)i) + deviation * deviation).StoreUnsafe(ref s, (nuint)i);
                }
            }
            for (; i < values.Length; i++) squares[i] += (values[i] - mean[i]) * (values[i] - mean[i]);
            return;
        }
        ReadOnlySpan<float> single = MemoryMarshal.Cast<T, float>(row);
        ref float f = ref MemoryMarshal.GetReference(single);
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= single.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref f, (nuint)i), out Vector<double> low, out Vector<double> high);
                Vector<double> dl = low - Vector.LoadUnsafe(ref m, (nuint)i), dh = high - Vector.LoadUnsafe(ref m, (nuint)(i + w));
                (Vector.LoadUnsafe(ref s, (nuint)i) + dl * dl).StoreUnsafe(ref s, (nuint)i);
                (Vector.LoadUnsafe(ref s, (nuint)(i + w)) + dh * dh).StoreUnsafe(ref s, (nuint)(i + w));
            }
        }
        for (; i < single.Length; i++) squares[i] += (single[i] - mean[i]) * (single[i] - mean[i]);
    }
}
