using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// <see cref="SoftmaxKernel{T}"/> along a strided axis (inner &gt; 1), in up to three passes over the items of
/// <see cref="LineGroups"/>: each line's maximum (forward ops), its sum (Σ exp(x − m) forward, Σ g·y or Σ g backward)
/// and the result. Each pass works on whole groups of rows, with the per-line values it needs (the shift, the sum)
/// repeated once per row of the group, so a short row costs no call of its own. Sums are added in double: within an
/// item one double per element of the group (<see cref="ChunkedSum.AddRow{T}"/>), its rows then added pairwise, and the
/// items' partial sums in item order. With enough panels (at least twice the cores) each core takes whole panels, all
/// passes in turn; with fewer (axis 0, or a long axis near the front) each pass runs over all items across the cores,
/// and the partial results are combined between passes. Both add the same partial sums in the same order.
/// </summary>
internal sealed class StridedSoftmax<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SoftmaxKernel<T> _k;
    private readonly LineGroups _layout;
    private readonly Pass[] _passes;

    internal StridedSoftmax(SoftmaxKernel<T> kernel)
    {
        _k = kernel;
        _layout = LineGroups.Of(kernel.Outer, kernel.Extent, kernel.Inner);
        _passes = PassesOf(kernel.Op);
    }

    private bool IsForward => _k.Op is LineOp.Softmax or LineOp.LogSoftmax or LineOp.LogSumExp;

    internal void Run()
    {
        long elements = (long)_k.Outer * _k.Extent * _k.Inner;
        if (elements < Parallelism.ElementwiseGrain || _layout.Panels >= 2 * Environment.ProcessorCount)
        {
            int grain = (int)Math.Max(1, Parallelism.ElementwiseGrain / ((long)_k.Extent * _layout.Width));
            Parallelism.For(_layout.Panels, grain, new PanelRange(this));
            return;
        }
        using var values = new PanelValues(_layout, _layout.Panels, IsForward);
        foreach (Pass pass in _passes)
        {
            Parallelism.For(_layout.Items, 1, new ItemRange(this, pass, values));
            for (int p = 0; p < _layout.Panels; p++) Combine(pass, p, values);
        }
    }

    private enum Pass { Max, Sum, Apply }

    private static readonly Pass[] s_normalize = [Pass.Max, Pass.Sum, Pass.Apply], s_reduce = [Pass.Max, Pass.Sum];
    private static readonly Pass[] s_sumAndApply = [Pass.Sum, Pass.Apply], s_apply = [Pass.Apply];

    /// <summary>The passes <paramref name="op"/> takes: the maximum only forward, no sum for the log-sum-exp's gradient,
    /// and nothing to apply for the log-sum-exp itself.</summary>
    private static Pass[] PassesOf(LineOp op) => op switch
    {
        LineOp.LogSumExp => s_reduce,
        LineOp.LogSumExpBackward => s_apply,
        LineOp.SoftmaxBackward or LineOp.LogSoftmaxBackward => s_sumAndApply,
        _ => s_normalize,
    };

    /// <summary>Whole panels, all passes in turn, with the values of one panel at a time.</summary>
    private readonly struct PanelRange(StridedSoftmax<T> run) : IRangeBody
    {
        public void Run(int start, int length)
        {
            using var scratch = new Scratch(run._layout.GroupLength);
            using var values = new PanelValues(run._layout, 1, run.IsForward);
            int items = run._layout.ItemsPerPanel;
            for (int p = start; p < start + length; p++)
                foreach (Pass pass in run._passes)
                {
                    for (int item = p * items; item < (p + 1) * items; item++) run.Item(pass, item, scratch, values);
                    run.Combine(pass, p, values);
                }
        }
    }

    /// <summary>One pass over a range of items (<see cref="Combine"/> follows once every range is done).</summary>
    private readonly struct ItemRange(StridedSoftmax<T> run, Pass pass, PanelValues values) : IRangeBody
    {
        public void Run(int start, int length)
        {
            using var scratch = new Scratch(run._layout.GroupLength);
            for (int item = start; item < start + length; item++) run.Item(pass, item, scratch, values);
        }
    }

    /// <summary>
    /// What the passes leave for the next: per item, the partial maxima and sums of its columns; per panel, each line's
    /// shift m and what the last pass applies (the sum, or ln of it). Holds every panel (a run that goes pass by pass
    /// over all items) or one (a core that takes whole panels, one after the other), indexed modulo its size.
    /// </summary>
    private readonly struct PanelValues : IDisposable
    {
        private readonly T[]? _max;
        private readonly double[] _sum;
        private readonly T[] _shift, _scale;
        private readonly int _panels, _items, _width;

        internal PanelValues(LineGroups layout, int panels, bool forward)
        {
            _panels = panels;
            _items = panels * layout.ItemsPerPanel;
            _width = layout.Width;
            _max = forward ? ArrayPool<T>.Shared.Rent(_items * _width) : null;
            _sum = ArrayPool<double>.Shared.Rent(_items * _width);
            _shift = ArrayPool<T>.Shared.Rent(panels * _width);
            _scale = ArrayPool<T>.Shared.Rent(panels * _width);
        }

        internal Span<T> PartialMax(int item, int width) => _max.AsSpan(item % _items * _width, width);
        internal Span<double> PartialSum(int item, int width) => _sum.AsSpan(item % _items * _width, width);
        internal Span<T> Shift(int panel, int width) => _shift.AsSpan(panel % _panels * _width, width);
        internal Span<T> Scale(int panel, int width) => _scale.AsSpan(panel % _panels * _width, width);

        public void Dispose()
        {
            if (_max is not null) ArrayPool<T>.Shared.Return(_max);
            ArrayPool<double>.Shared.Return(_sum);
            ArrayPool<T>.Shared.Return(_shift);
            ArrayPool<T>.Shared.Return(_scale);
        }
    }

    /// <summary>Rows of one group: two of <typeparamref name="T"/> and one of doubles, pooled.</summary>
    private readonly struct Scratch : IDisposable
    {
        private readonly T[] _rows;
        private readonly double[] _wide;
        private readonly int _length;

        internal Scratch(int length)
        {
            _length = length;
            _rows = ArrayPool<T>.Shared.Rent(2 * length);
            _wide = ArrayPool<double>.Shared.Rent(length);
        }

        internal Span<T> A => _rows.AsSpan(0, _length);
        internal Span<T> B => _rows.AsSpan(_length, _length);
        internal Span<double> Wide => _wide.AsSpan(0, _length);

        public void Dispose()
        {
            ArrayPool<T>.Shared.Return(_rows);
            ArrayPool<double>.Shared.Return(_wide);
        }
    }

    /// <summary>Runs <paramref name="pass"/> on one item.</summary>
    private void Item(Pass pass, int item, Scratch scratch, PanelValues values)
    {
        var (panel, first, end) = _layout.Item(item);
        var (line, width) = _layout.Panel(panel);
        var rows = new Rows(item, panel, line, width, first, end);
        switch (pass)
        {
            case Pass.Max: MaxOf(rows, scratch.A, values); break;
            case Pass.Sum: SumOf(rows, scratch, values); break;
            default: Apply(rows, scratch, values); break;
        }
    }

    /// <summary>An item's rows [<paramref name="First"/>, <paramref name="End"/>) of its panel, whose lines are
    /// [<paramref name="Line"/>, <paramref name="Line"/> + <paramref name="Width"/>).</summary>
    private readonly record struct Rows(int Item, int Panel, int Line, int Width, int First, int End);

    /// <summary>The maximum of each column of the item's rows, into its partial maxima.</summary>
    private void MaxOf(Rows r, Span<T> scratch, PanelValues values)
    {
        int groups = _layout.GroupRows;
        Span<T> m = scratch[.._layout.GroupLengthAt(r.First, r.End, r.Width)];
        _k.X.AsSpan(_layout.RowStart(r.Line, r.First), m.Length).CopyTo(m);
        for (int k = r.First + groups; k < r.End; k += groups)
        {
            int n = _layout.GroupLengthAt(k, r.End, r.Width);
            TensorPrimitives.Max(m[..n], _k.X.AsSpan(_layout.RowStart(r.Line, k), n), m[..n]);
        }
        FoldRows<T>(m, r.Width, max: true);
        m[..r.Width].CopyTo(values.PartialMax(r.Item, r.Width));
    }

    /// <summary>The sum of each column of the item's terms (exp(x − m), g·y or g), into its partial sums; the softmax
    /// writes exp(x − m) to the output, to be divided by the sum.</summary>
    private void SumOf(Rows r, Scratch scratch, PanelValues values)
    {
        int groups = _layout.GroupRows, length = _layout.GroupLengthAt(r.First, r.End, r.Width);
        Span<double> wide = scratch.Wide[..length];
        wide.Clear();
        Span<T> shift = IsForward ? Repeat(values.Shift(r.Panel, r.Width), scratch.A[..length]) : default;
        Span<T> term = scratch.B;
        for (int k = r.First; k < r.End; k += groups)
        {
            int n = _layout.GroupLengthAt(k, r.End, r.Width), at = _layout.RowStart(r.Line, k);
            ReadOnlySpan<T> x = _k.X.AsSpan(at, n);
            switch (_k.Op)
            {
                case LineOp.Softmax or LineOp.LogSoftmax or LineOp.LogSumExp:
                    Span<T> e = _k.Op != LineOp.Softmax ? term[..n] : _k.Y.AsSpan(at, n);
                    TensorPrimitives.Subtract(x, shift[..n], e);
                    AlignedMath.Exp<T>(e, e);
                    ChunkedSum.AddRow<T>(wide[..n], e);
                    break;
                case LineOp.SoftmaxBackward:
                    TensorPrimitives.Multiply(_k.G.AsSpan(at, n), x, term[..n]);
                    ChunkedSum.AddRow<T>(wide[..n], term[..n]);
                    break;
                default: ChunkedSum.AddRow<T>(wide[..n], _k.G.AsSpan(at, n)); break;
            }
        }
        FoldRows<double>(wide, r.Width, max: false);
        wide[..r.Width].CopyTo(values.PartialSum(r.Item, r.Width));
    }

    /// <summary>Writes the result of the item's rows from the line values the earlier passes left.</summary>
    private void Apply(Rows r, Scratch scratch, PanelValues values)
    {
        int groups = _layout.GroupRows, length = _layout.GroupLengthAt(r.First, r.End, r.Width);
        Span<T> a = scratch.A[..length], b = scratch.B[..length];
        switch (_k.Op)
        {
            case LineOp.LogSoftmax:
                Repeat(values.Shift(r.Panel, r.Width), a);
                Repeat(values.Scale(r.Panel, r.Width), b);
                break;
            case LineOp.LogSumExpBackward:
                Repeat(_k.Lines.AsSpan(r.Line, r.Width), a);
                Repeat(_k.G.AsSpan(r.Line, r.Width), b);
                break;
            default: Repeat(values.Scale(r.Panel, r.Width), b); break;
        }
        for (int k = r.First; k < r.End; k += groups)
        {
            int n = _layout.GroupLengthAt(k, r.End, r.Width), at = _layout.RowStart(r.Line, k);
            ReadOnlySpan<T> x = _k.X.AsSpan(at, n);
            Span<T> y = _k.Y.AsSpan(at, n);
            switch (_k.Op)
            {
                case LineOp.Softmax: TensorPrimitives.Divide(y, b[..n], y); break;
                case LineOp.LogSoftmax:
                    TensorPrimitives.Subtract(x, a[..n], y);
                    TensorPrimitives.Subtract(y, b[..n], y);
                    break;
                case LineOp.SoftmaxBackward:
                    TensorPrimitives.Subtract(_k.G.AsSpan(at, n), b[..n], y);
                    TensorPrimitives.Multiply(y, x, y);
                    break;
                case LineOp.LogSoftmaxBackward:
                    AlignedMath.Exp(x, y);
                    TensorPrimitives.Multiply(y, b[..n], y);
                    TensorPrimitives.Subtract(_k.G.AsSpan(at, n), y, y);
                    break;
                default:
                    TensorPrimitives.Subtract(x, a[..n], y);
                    AlignedMath.Exp(y, y);
                    TensorPrimitives.Multiply(y, b[..n], y);
                    break;
            }
        }
    }

    /// <summary>
    /// Combines the partial results of panel <paramref name="panel"/>'s items after <paramref name="pass"/>: each line's
    /// maximum (0 where it is ±∞ or NaN, so exp(x − m) never overflows), then its sum added item by item in order, which
    /// the last pass applies as it is or as its log, taken in double (the log-sum-exp writes m + ln Σ, rounded once).
    /// </summary>
    private void Combine(Pass pass, int panel, PanelValues values)
    {
        if (pass == Pass.Apply) return;
        var (line, width) = _layout.Panel(panel);
        int first = panel * _layout.ItemsPerPanel, end = first + _layout.ItemsPerPanel;
        Span<T> shift = values.Shift(panel, width);
        if (pass == Pass.Max)
        {
            values.PartialMax(first, width).CopyTo(shift);
            for (int item = first + 1; item < end; item++) TensorPrimitives.Max(shift, values.PartialMax(item, width), shift);
            for (int j = 0; j < width; j++)
                if (!T.IsFinite(shift[j])) shift[j] = T.Zero;
            return;
        }
        Span<double> total = values.PartialSum(first, width);
        for (int item = first + 1; item < end; item++) TensorPrimitives.Add(total, values.PartialSum(item, width), total);
        if (_k.Op is LineOp.LogSoftmax or LineOp.LogSumExp) LogInPlace(total);
        if (_k.Op != LineOp.LogSumExp)
        {
            TensorPrimitives.ConvertTruncating<double, T>(total, values.Scale(panel, width));
            return;
        }
        Span<T> lse = _k.Lines.AsSpan(line, width);
        for (int j = 0; j < width; j++) lse[j] = T.CreateTruncating(double.CreateTruncating(shift[j]) + total[j]);
    }

    /// <summary>values = ln(values); by <see cref="Math.Log(double)"/> below 16 values, where TensorPrimitives' float64
    /// log takes 120-160 ns an element for 2 or 3 of them.</summary>
    private static void LogInPlace(Span<double> values)
    {
        if (values.Length >= 16) AlignedMath.Log<double>(values, values);
        else
            for (int j = 0; j < values.Length; j++) values[j] = Math.Log(values[j]);
    }

    /// <summary>Writes <paramref name="values"/> once per row of <paramref name="rows"/> (a whole number of rows of its
    /// width), by doubling copies, and returns <paramref name="rows"/>.</summary>
    private static Span<T> Repeat(ReadOnlySpan<T> values, Span<T> rows)
    {
        values.CopyTo(rows);
        for (int filled = values.Length; filled < rows.Length; filled *= 2)
            rows[..Math.Min(filled, rows.Length - filled)].CopyTo(rows[filled..]);
        return rows;
    }

    /// <summary>Folds the rows of width <paramref name="width"/> in <paramref name="rows"/> into its first row, by their
    /// maximum or their sum, adding the upper half of the rows into the lower half until one row is left.</summary>
    private static void FoldRows<TValue>(Span<TValue> rows, int width, bool max) where TValue : unmanaged, IFloatingPointIeee754<TValue>
    {
        for (int count = rows.Length / width; count > 1;)
        {
            int upper = count / 2, keep = count - upper;
            Span<TValue> lower = rows[..(upper * width)];
            ReadOnlySpan<TValue> top = rows.Slice(keep * width, upper * width);
            if (max) TensorPrimitives.Max(lower, top, lower);
            else TensorPrimitives.Add(lower, top, lower);
            count = keep;
        }
    }
}
