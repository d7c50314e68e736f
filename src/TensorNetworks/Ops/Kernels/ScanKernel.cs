using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Running sums along the middle axis of an (outer, extent, inner) view, from the front or (for the gradient) from the
/// back, kept in double as PyTorch's CPU cumsum does, so that a float32 running sum over a long line is rounded once
/// per output rather than carrying every earlier rounding. Contiguous lines run as scalar loops (each sum depends on
/// the one before); strided lines add whole rows into a row of doubles, in panels of at most
/// <see cref="PanelWidth"/> columns; large tensors spread lines or panels over the cores.
/// </summary>
internal static class ScanKernel
{
    private const int PanelWidth = 4096;

    /// <summary>r[o, k, i] = Σ_{j ≤ k} x[o, j, i], or Σ_{j ≥ k} with <paramref name="reverse"/>.</summary>
    internal static Tensor CumSum(Tensor t, int outer, int extent, int inner, bool reverse)
    {
        var result = Tensor.Uninitialized(t.DType, t.Dims);
        if (t.DType == DType.Float32) Run(t.Array<float>(), result.Array<float>(), outer, extent, inner, reverse);
        else Run(t.Array<double>(), result.Array<double>(), outer, extent, inner, reverse);
        GC.KeepAlive(t);
        return result;
    }

    private static void Run<T>(T[] x, T[] d, int outer, int extent, int inner, bool reverse) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (outer == 0 || extent == 0 || inner == 0) return;
        bool parallel = (long)outer * extent * inner >= Parallelism.ElementwiseGrain;
        if (inner == 1)
        {
            var lines = new Lines<T>(x, d, extent, reverse);
            if (parallel) Parallelism.For(outer, Math.Max(1, Parallelism.ElementwiseGrain / extent), lines);
            else lines.Run(0, outer);
            return;
        }
        int panels = (inner + PanelWidth - 1) / PanelWidth;
        var body = new Panels<T>(x, d, extent, inner, panels, reverse);
        if (parallel) Parallelism.Run(outer * panels, body);
        else body.Run(0, outer * panels);
    }

    private readonly struct Lines<T>(T[] x, T[] d, int extent, bool reverse) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++)
            {
                Span<T> source = x.AsSpan(o * extent, extent), destination = d.AsSpan(o * extent, extent);
                if (typeof(T) == typeof(float)) Scan(MemoryMarshal.Cast<T, float>(source), MemoryMarshal.Cast<T, float>(destination), reverse);
                else Scan(MemoryMarshal.Cast<T, double>(source), MemoryMarshal.Cast<T, double>(destination), reverse);
            }
        }
    }

    /// <summary>The running sum of one float32 line, kept in double: each chunk is widened to doubles, scanned there and
    /// narrowed back with SIMD conversions (converting element by element inside the loop ran three times slower).</summary>
    private static void Scan(ReadOnlySpan<float> x, Span<float> d, bool reverse)
    {
        Span<double> chunk = stackalloc double[ChunkLength];
        double carry = 0;
        for (int done = 0; done < x.Length; done += ChunkLength)
        {
            int length = Math.Min(ChunkLength, x.Length - done), start = reverse ? x.Length - done - length : done;
            Span<double> wide = chunk[..length];
            TensorPrimitives.ConvertTruncating<float, double>(x.Slice(start, length), wide);
            wide[reverse ? length - 1 : 0] += carry;
            Scan(wide, wide, reverse);
            carry = wide[reverse ? 0 : length - 1];
            TensorPrimitives.ConvertTruncating<double, float>(wide, d.Slice(start, length));
        }
    }

    private const int ChunkLength = 1024;

    private static void Scan(ReadOnlySpan<double> x, Span<double> d, bool reverse)
    {
        double sum = 0;
        if (reverse)
        {
            for (int k = x.Length - 1; k >= 0; k--) d[k] = sum += x[k];
        }
        else
        {
            for (int k = 0; k < x.Length; k++) d[k] = sum += x[k];
        }
    }

    private readonly struct Panels<T>(T[] x, T[] d, int extent, int inner, int panels, bool reverse) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            double[] rented = ArrayPool<double>.Shared.Rent(PanelWidth);
            for (int item = start; item < start + length; item++)
            {
                int o = item / panels, first = item % panels * PanelWidth, width = Math.Min(PanelWidth, inner - first);
                Span<double> sum = rented.AsSpan(0, width);
                sum.Clear();
                int block = o * extent * inner + first;
                for (int step = 0; step < extent; step++)
                {
                    int at = block + (reverse ? extent - 1 - step : step) * inner;
                    ChunkedSum.AddRow(sum, x.AsSpan(at, width));
                    TensorPrimitives.ConvertTruncating<double, T>(sum, d.AsSpan(at, width));
                }
            }
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
