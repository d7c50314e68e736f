using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Products along the middle axis of an (outer, extent, inner) view and their gradient. Float32 products are kept in
/// double, so that a line of a few hundred values neither overflows nor underflows halfway and is rounded once.
/// Contiguous lines reduce as SIMD products; strided ones multiply whole rows into a row of doubles, in panels of at
/// most <see cref="PanelWidth"/> columns; large tensors spread lines or panels over the cores.
/// </summary>
internal static class ProductKernel
{
    private const int PanelWidth = 4096;

    /// <summary>result[o, i] = Π_k x[o, k, i] (1 for an empty line).</summary>
    internal static Tensor Forward(Tensor t, int outer, int extent, int inner, int[] outDims)
    {
        var result = Tensor.Uninitialized(t.DType, outDims);
        if (t.DType == DType.Float32) Forward(t.Array<float>(), result.Array<float>(), outer, extent, inner);
        else Forward(t.Array<double>(), result.Array<double>(), outer, extent, inner);
        GC.KeepAlive(t);
        return result;
    }

    private static void Forward<T>(T[] x, T[] d, int outer, int extent, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (outer == 0 || inner == 0) return;
        bool parallel = (long)outer * extent * inner >= Parallelism.ElementwiseGrain;
        if (inner == 1)
        {
            var lines = new Lines<T>(x, d, extent);
            if (parallel) Parallelism.For(outer, Math.Max(1, Parallelism.ElementwiseGrain / Math.Max(1, extent)), lines);
            else lines.Run(0, outer);
            return;
        }
        int panels = (inner + PanelWidth - 1) / PanelWidth;
        var body = new Panels<T>(x, d, extent, inner, panels);
        if (parallel) Parallelism.Run(outer * panels, body);
        else body.Run(0, outer * panels);
    }

    private readonly struct Lines<T>(T[] x, T[] d, int extent) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++) d[o] = T.CreateTruncating(ProductOf<T>(x.AsSpan(o * extent, extent)));
        }
    }

    /// <summary>Π x in double: one SIMD product for float64; float32 widened two vectors at a time into four running
    /// products (one would wait on each multiply's latency).</summary>
    private static double ProductOf<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.IsEmpty) return 1;
        if (typeof(T) == typeof(double)) return TensorPrimitives.Product(MemoryMarshal.Cast<T, double>(x));
        ReadOnlySpan<float> single = MemoryMarshal.Cast<T, float>(x);
        ref float s = ref MemoryMarshal.GetReference(single);
        double product = 1;
        int i = 0;
        int w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && single.Length >= 2 * w)
        {
            Vector<double> a = Vector<double>.One, b = Vector<double>.One, c = Vector<double>.One, e = Vector<double>.One;
            for (; i <= single.Length - 2 * w; i += 2 * w)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<double> l0, out Vector<double> h0);
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)(i + w)), out Vector<double> l1, out Vector<double> h1);
                a *= l0;
                b *= h0;
                c *= l1;
                e *= h1;
            }
            Vector<double> all = a * b * (c * e);
            for (int k = 0; k < Vector<double>.Count; k++) product *= all[k];
        }
        for (; i < single.Length; i++) product *= single[i];
        return product;
    }

    private readonly struct Panels<T>(T[] x, T[] d, int extent, int inner, int panels) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            double[] rented = ArrayPool<double>.Shared.Rent(2 * PanelWidth);
            for (int item = start; item < start + length; item++)
            {
                int o = item / panels, first = item % panels * PanelWidth, width = Math.Min(PanelWidth, inner - first);
                Span<double> product = rented.AsSpan(0, width), row = rented.AsSpan(PanelWidth, width);
                product.Fill(1);
                int block = o * extent * inner + first;
                for (int k = 0; k < extent; k++)
                {
                    if (typeof(T) == typeof(double)) TensorPrimitives.Multiply(product, MemoryMarshal.Cast<T, double>(x.AsSpan(block + k * inner, width)), product);
                    else
                    {
                        TensorPrimitives.ConvertTruncating<T, double>(x.AsSpan(block + k * inner, width), row);
                        TensorPrimitives.Multiply(product, row, product);
                    }
                }
                TensorPrimitives.ConvertTruncating<double, T>(product, d.AsSpan(o * inner + first, width));
            }
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>dx[o, k, i] = g[o, i] · Π_{j≠k} x[o, j, i], as the product of the elements before k and of those after
    /// it (a prefix and a suffix pass), never as the product divided by x[o, k, i], so zeros in the line are exact.</summary>
    internal static Tensor Backward(Tensor x, Tensor g, int outer, int extent, int inner)
    {
        var dx = Tensor.Uninitialized(x.DType, x.Dims);
        if (x.DType == DType.Float32) Backward(x.Array<float>(), g.Array<float>(), dx.Array<float>(), outer, extent, inner);
        else Backward(x.Array<double>(), g.Array<double>(), dx.Array<double>(), outer, extent, inner);
        GC.KeepAlive(x);
        GC.KeepAlive(g);
        return dx;
    }

    private static void Backward<T>(T[] x, T[] g, T[] dx, int outer, int extent, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lines = outer * inner;
        if (lines == 0 || extent == 0) return;
        var body = new ExcludedProducts<T>(x, g, dx, extent, inner);
        if ((long)lines * extent >= Parallelism.ElementwiseGrain) Parallelism.For(lines, Math.Max(1, Parallelism.ElementwiseGrain / extent), body);
        else body.Run(0, lines);
    }

    private readonly struct ExcludedProducts<T>(T[] x, T[] g, T[] dx, int extent, int inner) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            double[] before = ArrayPool<double>.Shared.Rent(extent);
            for (int line = start; line < start + length; line++)
            {
                int o = line / inner, i = line % inner, first = o * extent * inner + i;
                double product = 1;
                for (int k = 0, at = first; k < extent; k++, at += inner)
                {
                    before[k] = product;
                    product *= double.CreateTruncating(x[at]);
                }
                double after = double.CreateTruncating(g[line]);
                for (int k = extent - 1, at = first + k * inner; k >= 0; k--, at -= inner)
                {
                    dx[at] = T.CreateTruncating(before[k] * after);
                    after *= double.CreateTruncating(x[at]);
                }
            }
            ArrayPool<double>.Shared.Return(before);
        }
    }
}
