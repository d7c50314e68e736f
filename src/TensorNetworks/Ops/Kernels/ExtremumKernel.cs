using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Which extreme a reduction selects; NaN always wins and ties go to the first index.</summary>
internal interface IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract int IndexOf(ReadOnlySpan<T> x);

    static abstract void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

    /// <summary>True when <paramref name="candidate"/> strictly replaces <paramref name="best"/>.</summary>
    static abstract bool Beats(T candidate, T best);
}

internal readonly struct Largest<T> : IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int IndexOf(ReadOnlySpan<T> x) => TensorPrimitives.IndexOfMax(x);

    public static void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);

    public static bool Beats(T candidate, T best) => candidate > best || (T.IsNaN(candidate) && !T.IsNaN(best));
}

internal readonly struct Smallest<T> : IExtremum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int IndexOf(ReadOnlySpan<T> x) => TensorPrimitives.IndexOfMin(x);

    public static void Combine(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);

    public static bool Beats(T candidate, T best) => candidate < best || (T.IsNaN(candidate) && !T.IsNaN(best));
}

/// <summary>
/// Max or min along one axis viewed as (outer, extent, inner), optionally with the winning index of each
/// output; and the scatter that routes a gradient back to those indices.
/// </summary>
internal static class ExtremumKernel
{
    /// <summary>The first position whose value equals <c>line[found]</c>: the vectorized search orders +0 above −0,
    /// which are equal, so a zero extreme moves back to the first zero (ties go to the first index).</summary>
    private static int FirstEqual<T>(ReadOnlySpan<T> line, int found) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (line[found] != T.Zero) return found;
        for (int j = 0; j < found; j++)
            if (line[j] == T.Zero) return j;
        return found;
    }

    /// <summary>
    /// Writes the extreme of each line into <paramref name="values"/> (outer·inner elements) and, when
    /// <paramref name="indices"/> is not empty, its position along the axis. The extent must be positive.
    /// </summary>
    internal static void Run<T, TE>(ReadOnlySpan<T> x, int outer, int extent, int inner, Span<T> values, Span<int> indices)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TE : IExtremum<T>
    {
        bool wantIndices = !indices.IsEmpty;
        for (int o = 0; o < outer; o++)
        {
            ReadOnlySpan<T> block = x.Slice(o * extent * inner, extent * inner);
            if (inner == 1)
            {
                int k = FirstEqual(block, TE.IndexOf(block));
                values[o] = block[k];
                if (wantIndices) indices[o] = k;
                continue;
            }
            Span<T> best = values.Slice(o * inner, inner);
            block[..inner].CopyTo(best);
            if (!wantIndices)
            {
                for (int k = 1; k < extent; k++) TE.Combine(best, block.Slice(k * inner, inner), best);
                continue;
            }
            Span<int> at = indices.Slice(o * inner, inner);
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
