using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Sums along a strided axis: x viewed as (outer, extent, inner) with inner &gt; 1, y[o, i] = Σₖ x[o, k, i], each sum kept
/// in double and rounded to T once. The work is cut into items fixed by the shape alone: one outer index, a block of
/// about 64K elements' worth of rows and a panel of columns. Items run across the cores; when the extent spans several
/// blocks, each block's double sums are kept and added in block order, so the result does not depend on the core count.
/// <list type="bullet">
/// <item>Rows of 16 or more elements (<see cref="SumPanel{T}"/>): panels of up to 512 columns summed into a row of
/// doubles four rows at a time, each column in row order (within a block the same bits as a plain running sum in
/// double).</item>
/// <item>Rows of 2 to 15 elements (<see cref="SumNarrow{T}"/>): the block is one contiguous run; SIMD lanes of double
/// accumulators each follow one column, and a column's lanes are added in lane order at the end. The bits depend on
/// <see cref="Vector{T}"/>'s width, as TensorPrimitives' sums do.</item>
/// <item>Groups of one outer index shorter than one SIMD period (<see cref="ShortGroups{T}"/>): each column a running
/// double sum in row order, the outer indices split across the cores (the bits of the scalar loop above).</item>
/// </list>
/// A float32 sum along a strided axis of 2M U[0, 1) values in float32 was off by 3.7e-5 relative; in double it is
/// exact to float32's rounding.
/// </summary>
/// <example><code>StridedSum.Run(x.Array&lt;float&gt;(), outer, extent, inner, y.Array&lt;float&gt;()); // y[o, i] = Σₖ x[o, k, i]</code></example>
internal static class StridedSum
{
    /// <summary>Elements per item, about: enough to amortize handing it to a core, few enough to spread a 1M-element sum.</summary>
    private const int ItemElements = 1 << 16;

    /// <summary>Columns per panel: 512 doubles (4 KB) of running sums stay in L1 while the rows stream past.</summary>
    private const int PanelWidth = 512;

    /// <summary>Rows from this length on are summed by panels; shorter rows by SIMD lanes over the contiguous block.</summary>
    internal const int WideRow = 16;

    /// <summary>y[o·inner + i] = Σₖ x[(o·extent + k)·inner + i] for inner &gt; 1; y holds outer·inner elements.</summary>
    internal static void Run<T>(T[] x, int outer, int extent, int inner, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = inner >= WideRow ? Math.Min(inner, PanelWidth) : inner;
        int rowsPerBlock = Math.Max(64, ItemElements / width & ~63);
        var layout = new Layout(outer, extent, inner, width, rowsPerBlock);
        int items = checked(outer * layout.Blocks * layout.Panels);
        if (items == 0) return;
        if (inner < WideRow && (long)extent * inner < NarrowPeriod<T>(inner))
        {
            Parallelism.For(outer, Math.Max(1, ItemElements / (extent * inner)), new ShortGroups<T>(x, extent, inner, y));
            return;
        }
        long itemElements = (long)Math.Min(rowsPerBlock, extent) * width;
        int grain = (int)Math.Max(1, ItemElements / Math.Max(1, itemElements));
        if (layout.Blocks == 1)
        {
            Parallelism.For(items, grain, new Items<T>(x, layout, y, null));
            return;
        }
        double[] partial = ArrayPool<double>.Shared.Rent(outer * layout.Blocks * inner);
        Parallelism.For(items, grain, new Items<T>(x, layout, y, partial));
        CombineBlocks(partial, layout, y);
        ArrayPool<double>.Shared.Return(partial);
    }

    /// <summary>The shape's cut into items: item = (o·Blocks + block)·Panels + panel.</summary>
    private readonly record struct Layout(int Outer, int Extent, int Inner, int Width, int RowsPerBlock)
    {
        public int Blocks => (Extent + RowsPerBlock - 1) / RowsPerBlock;

        public int Panels => (Inner + Width - 1) / Width;
    }

    /// <summary>y[o, i] = Σ_b partial[o, b, i], in block order, rounded once.</summary>
    private static void CombineBlocks<T>(double[] partial, Layout layout, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inner = layout.Inner, blocks = layout.Blocks;
        double[] rented = ArrayPool<double>.Shared.Rent(inner);
        Span<double> total = rented.AsSpan(0, inner);
        for (int o = 0; o < layout.Outer; o++)
        {
            int first = o * blocks * inner;
            partial.AsSpan(first, inner).CopyTo(total);
            for (int b = 1; b < blocks; b++) ChunkedSum.AddRow<double>(total, partial.AsSpan(first + b * inner, inner));
            System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, T>(total, y.AsSpan(o * inner, inner));
        }
        ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>Runs items [start, start + length): each sums its rows and columns into y (one block) or its slot of partial.</summary>
    private readonly struct Items<T>(T[] x, Layout layout, T[] y, double[]? partial) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        [SkipLocalsInit]
        public void Run(int start, int length)
        {
            Span<double> sums = stackalloc double[PanelWidth];
            for (int item = start; item < start + length; item++)
            {
                int panel = item % layout.Panels, rest = item / layout.Panels;
                int block = rest % layout.Blocks, o = rest / layout.Blocks;
                int column = panel * layout.Width, columns = Math.Min(layout.Width, layout.Inner - column);
                int row = block * layout.RowsPerBlock, rows = Math.Min(layout.RowsPerBlock, layout.Extent - row);
                Span<double> s = sums[..columns];
                int first = (o * layout.Extent + row) * layout.Inner;
                if (layout.Inner >= WideRow) SumPanel<T>(x.AsSpan(first + column), rows, layout.Inner, s);
                else SumNarrow<T>(x.AsSpan(first, rows * layout.Inner), layout.Inner, s);
                if (partial is null)
                    System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, T>(s, y.AsSpan(o * layout.Inner + column, columns));
                else
                    s.CopyTo(partial.AsSpan((o * layout.Blocks + block) * layout.Inner + column, columns));
            }
        }
    }

    /// <summary>Rows added to the running sums per pass over them.</summary>
    private const int RowsPerPass = 4;

    /// <summary>sums[j] = Σ_{k &lt; rows} x[k·stride + j], each column in row order, up to four rows per pass over the sums.</summary>
    internal static void SumPanel<T>(ReadOnlySpan<T> x, int rows, int stride, Span<double> sums) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (rows == 0) sums.Clear();
        for (int k = 0; k < rows; k += RowsPerPass) AddRows(sums, x[(k * stride)..], stride, Math.Min(RowsPerPass, rows - k), k == 0);
    }

    /// <summary>s[j] = ((s[j] + r₀[j]) + r₁[j]) + … for the <paramref name="count"/> rows rᵢ = x[i·stride..], widened to
    /// double; with <paramref name="first"/> the sums start from 0 instead of s.</summary>
    private static void AddRows<T>(Span<double> s, ReadOnlySpan<T> x, int stride, int count, bool first) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = s.Length;
        _ = x[(count - 1) * stride + n - 1];
        ref double sum = ref MemoryMarshal.GetReference(s);
        int j = 0;
        if (typeof(T) == typeof(float) && Vector.IsHardwareAccelerated)
        {
            ref float r = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(x));
            int half = Vector<double>.Count;
            for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
            {
                Vector<double> low = first ? Vector<double>.Zero : Vector.LoadUnsafe(ref sum, (nuint)j);
                Vector<double> high = first ? Vector<double>.Zero : Vector.LoadUnsafe(ref sum, (nuint)(j + half));
                for (int i = 0; i < count; i++)
                {
                    Vector.Widen(Vector.LoadUnsafe(ref r, (nuint)(i * stride + j)), out Vector<double> l, out Vector<double> h);
                    low += l;
                    high += h;
                }
                low.StoreUnsafe(ref sum, (nuint)j);
                high.StoreUnsafe(ref sum, (nuint)(j + half));
            }
        }
        else if (typeof(T) == typeof(double) && Vector.IsHardwareAccelerated)
        {
            ref double r = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(x));
            for (; j <= n - Vector<double>.Count; j += Vector<double>.Count)
            {
                Vector<double> acc = first ? Vector<double>.Zero : Vector.LoadUnsafe(ref sum, (nuint)j);
                for (int i = 0; i < count; i++) acc += Vector.LoadUnsafe(ref r, (nuint)(i * stride + j));
                acc.StoreUnsafe(ref sum, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            double acc = first ? 0 : s[j];
            for (int i = 0; i < count; i++) acc += double.CreateTruncating(x[i * stride + j]);
            s[j] = acc;
        }
    }

    /// <summary>
    /// sums[c] = Σ x[k·inner + c] over a contiguous run of whole rows of inner = sums.Length (2 to 15) elements. Element
    /// e of each period of P = inner·U·Vector&lt;double&gt;.Count elements (U rounds the accumulators up to at least 8)
    /// goes to lane e of the period's accumulators (for float32, an even number of them: one float vector widens into two), which is always column e mod inner; the lanes of a column are
    /// added in order, then the elements past the last whole period.
    /// </summary>
    [SkipLocalsInit]
    internal static void SumNarrow<T>(ReadOnlySpan<T> x, int inner, Span<double> sums) where T : unmanaged, IFloatingPointIeee754<T>
    {
        sums.Clear();
        int lanes = Vector<double>.Count, done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int accumulators = NarrowAccumulators<T>(inner);
            int period = accumulators * lanes;
            Span<Vector<double>> acc = stackalloc Vector<double>[accumulators];
            acc.Clear();
            ref Vector<double> a = ref MemoryMarshal.GetReference(acc);
            if (typeof(T) == typeof(float))
            {
                ref float r = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(x));
                for (; done + period <= x.Length; done += period)
                    for (int v = 0; v < accumulators; v += 2)
                    {
                        Vector.Widen(Vector.LoadUnsafe(ref r, (nuint)(done + v * lanes)), out Vector<double> low, out Vector<double> high);
                        Unsafe.Add(ref a, v) += low;
                        Unsafe.Add(ref a, v + 1) += high;
                    }
            }
            else
            {
                ref double r = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(x));
                for (; done + period <= x.Length; done += period)
                    for (int v = 0; v < accumulators; v++)
                        Unsafe.Add(ref a, v) += Vector.LoadUnsafe(ref r, (nuint)(done + v * lanes));
            }
            for (int v = 0; v < accumulators; v++)
                for (int l = 0; l < lanes; l++) sums[(v * lanes + l) % inner] += acc[v][l];
        }
        for (int e = done; e < x.Length; e++) sums[e % inner] += double.CreateTruncating(x[e]);
    }

    /// <summary>Accumulators of <see cref="SumNarrow{T}"/> for rows of <paramref name="inner"/> elements: a multiple of
    /// inner, at least 8, and even for float32 (one float vector widens into two).</summary>
    private static int NarrowAccumulators<T>(int inner)
    {
        int accumulators = inner * ((8 + inner - 1) / inner);
        return typeof(T) == typeof(float) && accumulators % 2 == 1 ? 2 * accumulators : accumulators;
    }

    /// <summary>Elements of one period of <see cref="SumNarrow{T}"/>'s SIMD loop; a run shorter than this is summed by its
    /// scalar loop alone (every element, with no SIMD acceleration).</summary>
    private static int NarrowPeriod<T>(int inner)
        => Vector.IsHardwareAccelerated ? NarrowAccumulators<T>(inner) * Vector<double>.Count : int.MaxValue;

    /// <summary>
    /// y[o, i] = Σₖ x[o, k, i] as one running double sum per column in row order, rounded once, for groups (one outer
    /// index) shorter than one <see cref="NarrowPeriod{T}"/>: the bits of <see cref="SumNarrow{T}"/> on such a run (its
    /// scalar loop), without an item's set-up per outer index (pooling 28×28 images by 2×2 blocks sums groups of 2 rows
    /// of 14: 71 → 11 ms for 60000 images).
    /// </summary>
    private readonly struct ShortGroups<T>(T[] x, int extent, int inner, T[] y) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        [SkipLocalsInit]
        public void Run(int start, int length)
        {
            Span<double> sums = stackalloc double[WideRow];
            Span<double> s = sums[..inner];
            for (int o = start; o < start + length; o++)
            {
                ReadOnlySpan<T> group = x.AsSpan(o * extent * inner, extent * inner);
                s.Clear();
                for (int e = 0, c = 0; e < group.Length; e++)
                {
                    s[c] += double.CreateTruncating(group[e]);
                    if (++c == inner) c = 0;
                }
                System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, T>(s, y.AsSpan(o * inner, inner));
            }
        }
    }
}

