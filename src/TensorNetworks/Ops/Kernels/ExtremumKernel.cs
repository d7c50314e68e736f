using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>Which extreme a reduction selects; NaN always wins and ties go to the first index.</summary>
internal interface IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The lane-wise extreme of two vectors without NaN (either lane may come back where one is NaN).</summary>
    static abstract Vector<T> Pick(Vector<T> a, Vector<T> b);

    static abstract void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

    /// <summary>True when <paramref name="candidate"/> strictly replaces <paramref name="best"/>.</summary>
    static abstract bool Beats(T candidate, T best);
}

internal readonly struct Largest<T> : IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static Vector<T> Pick(Vector<T> a, Vector<T> b) => Vector.MaxNative(a, b);

    public static void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);

    public static bool Beats(T candidate, T best) => candidate > best || (T.IsNaN(candidate) && !T.IsNaN(best));
}

internal readonly struct Smallest<T> : IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static Vector<T> Pick(Vector<T> a, Vector<T> b) => Vector.MinNative(a, b);

    public static void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);

    public static bool Beats(T candidate, T best) => candidate < best || (T.IsNaN(candidate) && !T.IsNaN(best));
}

/// <summary>
/// Max or min along one axis viewed as (outer, extent, inner), optionally with the winning index of each
/// output; and the scatter that routes a gradient back to those indices.
/// </summary>
internal static class ExtremumKernel
{
    /// <summary>
    /// A line's extreme ignoring NaN, and whether it holds a NaN: one vector pass with four running extremes (so that
    /// consecutive vectors do not wait on each other) and a NaN mask.
    /// </summary>
    private static T ExtremeOf<T, TE>(ReadOnlySpan<T> line, out bool nan) where T : unmanaged, IFloatingPointIeee754<T> where TE : IExtremum<T>
    {
        T best = line[0];
        nan = false;
        int i = 0, width = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && line.Length >= width)
        {
            ref T start = ref MemoryMarshal.GetReference(line);
            Vector<T> a = Vector.LoadUnsafe(ref start), b = a, c = a, d = a, unordered = ~Vector.Equals(a, a);
            for (i = width; i <= line.Length - 4 * width; i += 4 * width)
            {
                Vector<T> v0 = Vector.LoadUnsafe(ref start, (nuint)i), v1 = Vector.LoadUnsafe(ref start, (nuint)(i + width));
                Vector<T> v2 = Vector.LoadUnsafe(ref start, (nuint)(i + 2 * width)), v3 = Vector.LoadUnsafe(ref start, (nuint)(i + 3 * width));
                a = TE.Pick(a, v0);
                b = TE.Pick(b, v1);
                c = TE.Pick(c, v2);
                d = TE.Pick(d, v3);
                unordered |= ~(Vector.Equals(v0, v0) & Vector.Equals(v1, v1) & Vector.Equals(v2, v2) & Vector.Equals(v3, v3));
            }
            for (; i <= line.Length - width; i += width)
            {
                Vector<T> v = Vector.LoadUnsafe(ref start, (nuint)i);
                a = TE.Pick(a, v);
                unordered |= ~Vector.Equals(v, v);
            }
            a = TE.Pick(TE.Pick(a, b), TE.Pick(c, d));
            nan = !Vector.EqualsAll(unordered, Vector<T>.Zero);
            best = a[0];
            for (int lane = 1; lane < width; lane++)
                if (TE.Beats(a[lane], best)) best = a[lane];
        }
        for (; i < line.Length; i++)
        {
            if (T.IsNaN(line[i])) nan = true;
            else if (TE.Beats(line[i], best)) best = line[i];
        }
        nan |= T.IsNaN(best);
        return best;
    }

    /// <summary>The first NaN of a line that holds one.</summary>
    private static int FirstNaN<T>(ReadOnlySpan<T> line) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; ; j++)
            if (T.IsNaN(line[j])) return j;
    }

    /// <summary>
    /// The position of a line's extreme: its first NaN if it holds one, else the first element equal to the extreme, so
    /// ties go to the first index and a zero extreme to the first zero of either sign (2048 lines of 512 float32 took
    /// 340 µs through TensorPrimitives' IndexOfMax on one core).
    /// </summary>
    private static int IndexOfExtreme<T, TE>(ReadOnlySpan<T> line) where T : unmanaged, IFloatingPointIeee754<T> where TE : IExtremum<T>
    {
        T best = ExtremeOf<T, TE>(line, out bool nan);
        return nan ? FirstNaN(line) : MaxTerm.IndexOf(line, best);
    }

    /// <summary>The value at <see cref="IndexOfExtreme{T, TE}"/>, searched for only where its sign or payload could differ
    /// from the extreme found (a NaN, or a zero).</summary>
    private static T ValueOfExtreme<T, TE>(ReadOnlySpan<T> line) where T : unmanaged, IFloatingPointIeee754<T> where TE : IExtremum<T>
    {
        T best = ExtremeOf<T, TE>(line, out bool nan);
        if (nan) return line[FirstNaN(line)];
        return best == T.Zero ? line[MaxTerm.IndexOf(line, best)] : best;
    }

    /// <summary>The extreme (and its position, when <c>indices</c> is given) of each line of a range of lines.</summary>
    private readonly struct Lines<T, TE>(T[] x, int extent, T[] values, int[]? indices) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
        where TE : IExtremum<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++)
            {
                ReadOnlySpan<T> line = x.AsSpan(o * extent, extent);
                if (indices is null)
                {
                    values[o] = ValueOfExtreme<T, TE>(line);
                    continue;
                }
                int k = IndexOfExtreme<T, TE>(line);
                values[o] = line[k];
                indices[o] = k;
            }
        }
    }

    /// <summary>
    /// Writes the extreme of each line into <paramref name="values"/> (outer·inner elements) and, when
    /// <paramref name="indices"/> is given, its position along the axis. The extent must be positive. Lines along the
    /// last axis (inner = 1) are independent and split across the cores.
    /// </summary>
    internal static void Run<T, TE>(T[] x, int outer, int extent, int inner, T[] values, int[]? indices)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TE : IExtremum<T>
    {
        if (inner == 1)
        {
            Parallelism.For(outer, Math.Max(1, Parallelism.ElementwiseGrain / extent), new Lines<T, TE>(x, extent, values, indices));
            return;
        }
        for (int o = 0; o < outer; o++)
        {
            ReadOnlySpan<T> block = x.AsSpan(o * extent * inner, extent * inner);
            Span<T> best = values.AsSpan(o * inner, inner);
            block[..inner].CopyTo(best);
            if (indices is null)
            {
                for (int k = 1; k < extent; k++) TE.Combine(best, block.Slice(k * inner, inner), best);
                continue;
            }
            Span<int> at = indices.AsSpan(o * inner, inner);
            at.Clear();
            for (int k = 1; k < extent; k++)
            {
                ReadOnlySpan<T> row = block.Slice(k * inner, inner);
                for (int i = 0; i < inner; i++)
                {
                    if (!TE.Beats(row[i], best[i])) continue;
                    best[i] = row[i];
                    at[i] = k;
                }
            }
        }
    }

    /// <summary>dx = 0 except dx[o, indices[o, i], i] = g[o, i].</summary>
    internal static void Scatter<T>(ReadOnlySpan<T> g, ReadOnlySpan<int> indices, int outer, int extent, int inner, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dx.Clear();
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                dx[(o * extent + indices[o * inner + i]) * inner + i] = g[o * inner + i];
    }
}
