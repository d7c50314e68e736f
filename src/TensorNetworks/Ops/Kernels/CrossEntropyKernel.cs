using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// Softmax cross-entropy of [N, C] logits against one label per row, forward and backward, without log-probabilities
/// or a one-hot. Per row n: its maximum mₙ, sₙ = Σ_c exp(x[n, c] − mₙ) (summed as <see cref="SoftmaxKernel{T}"/>'s
/// log-softmax sums it, so the loss keeps the precision of <see cref="Tensor.LogSoftmax"/>) and x[n, yₙ] − mₙ, in
/// double; the loss is (1/N) Σₙ (ln sₙ − (x[n, yₙ] − mₙ)), its terms added in row order. When the gradient is wanted
/// the exps are kept, and the gradient is scale · exp(x − mₙ) / sₙ, less scale at the label (scale = upstream / N): one
/// multiply per element, no exp. Rows are taken <see cref="GroupRows"/> at a time, their exps in one call, so a row of
/// 10 classes costs no exp call of its own; groups depend on the shape alone, so the results do not depend on the
/// core count.
/// </summary>
/// <example><code>
/// var k = new CrossEntropyKernel&lt;float&gt;(x, labels, n, c, exps);
/// double loss = k.Forward();      // mean loss; exps and sums kept
/// k.Backward(1.0 / n, dx);        // dx = (softmax − onehot) / n
/// </code></example>
internal sealed class CrossEntropyKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _x;
    private readonly int[] _labels;
    private readonly int _rows, _classes;
    private readonly T[]? _exps;
    /// <summary>Each row's sₙ: kept for <see cref="Backward"/> when the exps are, else pooled for the forward alone.</summary>
    private double[] _sums = [];

    /// <summary>Each row's x[n, yₙ] − mₙ, pooled for the forward.</summary>
    private double[] _picked = [];

    /// <summary>Cross-entropy of <paramref name="x"/> ([<paramref name="rows"/>, <paramref name="classes"/>], both
    /// positive; every label in range); <paramref name="exps"/>, as large as x, keeps the exps for
    /// <see cref="Backward"/>, or is null for a forward alone.</summary>
    internal CrossEntropyKernel(T[] x, int[] labels, int rows, int classes, T[]? exps)
    {
        _x = x;
        _labels = labels;
        _rows = rows;
        _classes = classes;
        _exps = exps;
    }

    /// <summary>Rows per group: up to <see cref="LineGroups.GroupElements"/> elements, at least one row.</summary>
    private int GroupRows => Math.Clamp(LineGroups.GroupElements / _classes, 1, _rows);

    private int Groups => (_rows + GroupRows - 1) / GroupRows;

    /// <summary>Groups per parallel piece: <see cref="Parallelism.ElementwiseGrain"/> elements.</summary>
    private int Grain => (int)Math.Max(1, Parallelism.ElementwiseGrain / ((long)GroupRows * _classes));

    /// <summary>The mean loss (1/N) Σₙ (ln sₙ − (x[n, yₙ] − mₙ)), keeping each row's sₙ (and the exps, if asked) for
    /// <see cref="Backward"/>.</summary>
    internal double Forward()
    {
        bool keep = _exps is not null;
        _sums = keep ? new double[_rows] : ArrayPool<double>.Shared.Rent(_rows);
        _picked = ArrayPool<double>.Shared.Rent(_rows);
        double[] logs = ArrayPool<double>.Shared.Rent(_rows);
        try
        {
            Parallelism.For(Groups, Grain, new ForwardGroups(this));
            LogsOf(_sums.AsSpan(0, _rows), logs.AsSpan(0, _rows));
            double total = 0;
            for (int n = 0; n < _rows; n++) total += logs[n] - _picked[n];
            return total / _rows;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(logs);
            ArrayPool<double>.Shared.Return(_picked);
            _picked = [];
            if (!keep)
            {
                ArrayPool<double>.Shared.Return(_sums);
                _sums = [];
            }
        }
    }

    /// <summary>logs = ln(sums); by <see cref="Math.Log(double)"/> below 16 values, where TensorPrimitives' float64 log
    /// takes its slow path.</summary>
    private static void LogsOf(ReadOnlySpan<double> sums, Span<double> logs)
    {
        if (sums.Length >= 16) AlignedMath.Log(sums, logs);
        else
            for (int n = 0; n < sums.Length; n++) logs[n] = Math.Log(sums[n]);
    }

    /// <summary>dx = <paramref name="scale"/> · exps / sₙ, less <paramref name="scale"/> at each row's label; needs the
    /// exps kept by <see cref="Forward"/>.</summary>
    internal void Backward(double scale, T[] dx) => Parallelism.For(Groups, Grain, new BackwardGroups(this, scale, dx));

    private readonly struct ForwardGroups(CrossEntropyKernel<T> k) : IRangeBody
    {
        public void Run(int start, int length)
        {
            int capacity = k.GroupRows * k._classes;
            T[]? scratch = k._exps is null ? ArrayPool<T>.Shared.Rent(capacity) : null;
            T[] shifts = ArrayPool<T>.Shared.Rent(k.GroupRows);
            try
            {
                for (int group = start; group < start + length; group++) k.ForwardGroup(group, scratch, shifts);
            }
            finally
            {
                if (scratch is not null) ArrayPool<T>.Shared.Return(scratch);
                ArrayPool<T>.Shared.Return(shifts);
            }
        }
    }

    /// <summary>One group: each row's maximum and x − m, the exps of the whole group in one call, then each row's sum.</summary>
    private void ForwardGroup(int group, T[]? scratch, T[] shifts)
    {
        int first = group * GroupRows, end = Math.Min(_rows, first + GroupRows), c = _classes;
        Span<T> e = _exps is null ? scratch.AsSpan(0, (end - first) * c) : _exps.AsSpan(first * c, (end - first) * c);
        for (int n = first; n < end; n++)
        {
            ReadOnlySpan<T> row = _x.AsSpan(n * c, c);
            T m = MaxTerm.ShiftOf(row);
            shifts[n - first] = m;
            TensorPrimitives.Subtract(row, m, e.Slice((n - first) * c, c));
            _picked[n] = double.CreateTruncating(row[_labels[n]]) - double.CreateTruncating(m);
        }
        AlignedMath.Exp<T>(e, e);
        for (int n = first; n < end; n++)
            _sums[n] = SoftmaxKernel<T>.SumOfExps(_x.AsSpan(n * c, c), shifts[n - first], e.Slice((n - first) * c, c));
    }

    private readonly struct BackwardGroups(CrossEntropyKernel<T> k, double scale, T[] dx) : IRangeBody
    {
        public void Run(int start, int length)
        {
            int c = k._classes;
            int first = start * k.GroupRows, end = Math.Min(k._rows, (start + length) * k.GroupRows);
            for (int n = first; n < end; n++)
            {
                Span<T> d = dx.AsSpan(n * c, c);
                TensorPrimitives.Multiply(k._exps.AsSpan(n * c, c), T.CreateTruncating(scale / k._sums[n]), d);
                int label = k._labels[n];
                d[label] = T.CreateTruncating(double.CreateTruncating(d[label]) - scale);
            }
        }
    }
}
