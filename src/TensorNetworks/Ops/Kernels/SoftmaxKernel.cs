using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>What <see cref="SoftmaxKernel{T}"/> computes along each line.</summary>
internal enum LineOp
{
    /// <summary>Y = exp(X − lse) from input X.</summary>
    Softmax,

    /// <summary>Y = (X − m) − ln Σ exp(X − m) from input X (never X − lse: lse rounds to the precision of
    /// m, which in float32 loses the digits of a result near 0).</summary>
    LogSoftmax,

    /// <summary>Lines = lse = m + ln Σ exp(X − m) from input X; Y is scratch.</summary>
    LogSumExp,

    /// <summary>Y = X·(G − Σ G·X) from the softmax output X and its upstream gradient G.</summary>
    SoftmaxBackward,

    /// <summary>Y = G − exp(X)·Σ G from the log-softmax output X and its upstream gradient G.</summary>
    LogSoftmaxBackward,

    /// <summary>Y = Lines_G·exp(X − Lines) from input X, its lse (Lines) and the upstream gradient per line (G).</summary>
    LogSumExpBackward,
}

/// <summary>
/// Softmax, log-softmax and log-sum-exp along one axis viewed as (outer, extent, inner), with their
/// vector-Jacobian products. Each line is shifted by its maximum m (0 when m is ±∞) so exp never
/// overflows. Contiguous lines (inner = 1) use whole-row TensorPrimitives calls; otherwise rows of
/// length inner are combined, so the SIMD runs along the inner axis. Large inputs split over outer.
/// Float32 sums along a line (Σ exp, and the backward passes' Σ g and Σ g·y) are kept in double, as
/// <see cref="Tensor.Sum()"/>'s are: a contiguous line adds SIMD sums of <see cref="AxisReduction.SumChunk"/>-element
/// chunks in double, strided lines add each row into a row of doubles (<see cref="ChunkedSum.AddRow{T}"/>). One
/// float32 running sum was off by 3e-6 relative over a contiguous line of 4M elements and by 2e-3 over a strided one.
/// The forward log ops take the log of that double sum, and the term of a line's maximum is exactly 1 (see
/// <see cref="MaxTerm"/>), so an lse near 0 keeps float32's relative precision.
/// </summary>
internal readonly record struct SoftmaxKernel<T>(LineOp Op, T[] X, T[]? G, T[]? Lines, T[] Y, int Outer, int Extent, int Inner)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal void Run()
    {
        if (Extent == 0)
        {
            if (Op == LineOp.LogSumExp) Lines.AsSpan(0, Outer * Inner).Fill(T.NegativeInfinity);
            return;
        }
        int block = Extent * Inner;
        if ((long)Outer * block >= Parallelism.ElementwiseGrain && Outer > 1) RunParallel(block);
        else Blocks(0, Outer);
    }

    private void RunParallel(int block)
    {
        SoftmaxKernel<T> job = this;
        Parallelism.For(Outer, Math.Max(1, Parallelism.ElementwiseGrain / block), (start, count) => job.Blocks(start, count));
    }

    private void Blocks(int start, int count)
    {
        T[]? rented = Inner == 1 ? null : ArrayPool<T>.Shared.Rent(2 * Inner);
        double[]? wide = Inner == 1 ? null : ArrayPool<double>.Shared.Rent(Inner);
        try
        {
            for (int o = start; o < start + count; o++)
            {
                if (Inner == 1) Row(o);
                else Strided(o, rented.AsSpan(0, Inner), rented.AsSpan(Inner, Inner), wide.AsSpan(0, Inner));
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<T>.Shared.Return(rented);
            if (wide is not null) ArrayPool<double>.Shared.Return(wide);
        }
    }

    /// <summary>Float32 contiguous lines sum in double chunk by chunk; float64 ones in one SIMD pass.</summary>
    private static bool SumsInDouble => typeof(T) == typeof(float);

    private static double WideLineSum(ReadOnlySpan<T> values)
        => SumsInDouble ? ChunkedSum.Of(values) : double.CreateTruncating(TensorPrimitives.Sum(values));

    private static T LineSum(ReadOnlySpan<T> values) => T.CreateTruncating(WideLineSum(values));

    private static T LineDot(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        => SumsInDouble ? T.CreateTruncating(ChunkedSum.Dot(x, y)) : TensorPrimitives.Dot(x, y);

    /// <summary>
    /// Σ y for y = exp(x − <paramref name="shift"/>). In float32, when the sum is below 2 (the line's maximum dominates,
    /// so its lse is below ln 2 and an error of a few ulps of 1 is large beside it) it is taken again with the term of
    /// the line's first maximum exactly 1 (float32's exp gives 1 + 2⁻²³; see <see cref="MaxTerm"/>), left out of the
    /// chunk sums and added in double: a SIMD lane that adds terms near 1e-6 to a 1 rounds each to float32's ulp of 1,
    /// which put an lse near 1e-3 off by 3e-4, relative. Larger sums keep the first, at no extra cost.
    /// </summary>
    private static double SumOfExps(ReadOnlySpan<T> x, T shift, Span<T> y)
    {
        double sum = WideLineSum(y);
        if (!SumsInDouble || !(sum < 2)) return sum;
        int top = MaxTerm.IndexOf(x, shift);
        if (top < 0) return sum;
        y[top] = T.Zero;
        sum = 1 + WideLineSum(y);
        y[top] = T.One;
        return sum;
    }

    private bool IsBackward => Op is LineOp.SoftmaxBackward or LineOp.LogSoftmaxBackward or LineOp.LogSumExpBackward;

    private void Row(int o)
    {
        ReadOnlySpan<T> x = X.AsSpan(o * Extent, Extent);
        Span<T> y = Y.AsSpan(o * Extent, Extent);
        if (IsBackward) RowBackward(o, x, y);
        else RowForward(o, x, y);
    }

    private void RowForward(int o, ReadOnlySpan<T> x, Span<T> y)
    {
        T shift = TensorPrimitives.Max(x);
        if (!T.IsFinite(shift)) shift = T.Zero;
        TensorPrimitives.Subtract(x, shift, y);
        AlignedMath.Exp(y, y);
        double sum = SumOfExps(x, shift, y);
        switch (Op)
        {
            case LineOp.Softmax: TensorPrimitives.Divide(y, T.CreateTruncating(sum), y); break;
            case LineOp.LogSoftmax:
                TensorPrimitives.Subtract(x, shift, y);
                TensorPrimitives.Subtract(y, T.CreateTruncating(Math.Log(sum)), y);
                break;
            default: Lines![o] = T.CreateTruncating(double.CreateTruncating(shift) + Math.Log(sum)); break;
        }
    }

    private void RowBackward(int o, ReadOnlySpan<T> x, Span<T> y)
    {
        ReadOnlySpan<T> g = Op == LineOp.LogSumExpBackward ? default : G.AsSpan(o * Extent, Extent);
        switch (Op)
        {
            case LineOp.SoftmaxBackward:
                TensorPrimitives.Subtract(g, LineDot(g, x), y);
                TensorPrimitives.Multiply(y, x, y);
                break;
            case LineOp.LogSoftmaxBackward:
                AlignedMath.Exp(x, y);
                TensorPrimitives.MultiplyAdd(y, -LineSum(g), g, y);
                break;
            default:
                TensorPrimitives.Subtract(x, Lines![o], y);
                AlignedMath.Exp(y, y);
                TensorPrimitives.Multiply(y, G![o], y);
                break;
        }
    }

    /// <summary>One block of <see cref="Extent"/> rows of length <see cref="Inner"/>, with two scratch rows and a double
    /// row to sum in.</summary>
    private void Strided(int o, Span<T> a, Span<T> b, Span<double> wide)
    {
        if (IsBackward) StridedBackward(o, a, wide);
        else StridedForward(o, a, b, wide);
    }

    /// <summary>
    /// Σₖ over the block's rows of the term <see cref="Op"/> sums (exp(xₖ − shift), written to Y, forward; gₖ·yₖ or gₖ
    /// backward) into <paramref name="sum"/>, each row added into the double row <paramref name="wide"/>, so each sum is
    /// rounded to <typeparamref name="T"/> once. Forward log ops take the log of the double sum (left in
    /// <paramref name="wide"/> too): ln of the rounded sum would be off by its rounding, 4e-5 of an lse near 1e-3.
    /// </summary>
    private void SumRows(int o, ReadOnlySpan<T> shift, Span<T> sum, Span<double> wide)
    {
        int n = Inner, first = o * Extent * n;
        wide.Clear();
        for (int k = 0; k < Extent; k++)
        {
            int row = first + k * n;
            switch (Op)
            {
                case LineOp.SoftmaxBackward:
                    TensorPrimitives.Multiply(G.AsSpan(row, n), X.AsSpan(row, n), sum);
                    ChunkedSum.AddRow<T>(wide, sum);
                    break;
                case LineOp.LogSoftmaxBackward: ChunkedSum.AddRow<T>(wide, G.AsSpan(row, n)); break;
                default:
                    Span<T> y = Y.AsSpan(row, n);
                    TensorPrimitives.Subtract(X.AsSpan(row, n), shift, y);
                    AlignedMath.Exp(y, y);
                    if (SumsInDouble) MaxTerm.SetOnes<T>(X.AsSpan(row, n), shift, y);
                    ChunkedSum.AddRow<T>(wide, y);
                    break;
            }
        }
        if (Op is LineOp.LogSoftmax or LineOp.LogSumExp) AlignedMath.Log<double>(wide, wide);
        TensorPrimitives.ConvertTruncating<double, T>(wide, sum);
    }

    private void StridedBackward(int o, Span<T> a, Span<double> wide)
    {
        int n = Inner, first = o * Extent * n;
        switch (Op)
        {
            case LineOp.SoftmaxBackward:
                SumRows(o, default, a, wide);
                for (int k = 0; k < Extent; k++)
                {
                    Span<T> y = Y.AsSpan(first + k * n, n);
                    TensorPrimitives.Subtract(G.AsSpan(first + k * n, n), a, y);
                    TensorPrimitives.Multiply(y, X.AsSpan(first + k * n, n), y);
                }
                return;
            case LineOp.LogSoftmaxBackward:
                SumRows(o, default, a, wide);
                for (int k = 0; k < Extent; k++)
                {
                    Span<T> y = Y.AsSpan(first + k * n, n);
                    AlignedMath.Exp(X.AsSpan(first + k * n, n), y);
                    TensorPrimitives.Multiply(y, a, y);
                    TensorPrimitives.Subtract(G.AsSpan(first + k * n, n), y, y);
                }
                return;
            default:
                for (int k = 0; k < Extent; k++)
                {
                    Span<T> y = Y.AsSpan(first + k * n, n);
                    TensorPrimitives.Subtract(X.AsSpan(first + k * n, n), Lines.AsSpan(o * n, n), y);
                    AlignedMath.Exp(y, y);
                    TensorPrimitives.Multiply(y, G.AsSpan(o * n, n), y);
                }
                return;
        }
    }

    private void StridedForward(int o, Span<T> shift, Span<T> sum, Span<double> wide)
    {
        int n = Inner, first = o * Extent * n;
        X.AsSpan(first, n).CopyTo(shift);
        for (int k = 1; k < Extent; k++) TensorPrimitives.Max(shift, X.AsSpan(first + k * n, n), shift);
        for (int i = 0; i < n; i++)
            if (!T.IsFinite(shift[i])) shift[i] = T.Zero;
        SumRows(o, shift, sum, wide);
        if (Op == LineOp.Softmax)
        {
            for (int k = 0; k < Extent; k++) TensorPrimitives.Divide(Y.AsSpan(first + k * n, n), sum, Y.AsSpan(first + k * n, n));
            return;
        }
        if (Op == LineOp.LogSumExp)
        {
            for (int i = 0; i < n; i++) Lines![o * n + i] = T.CreateTruncating(double.CreateTruncating(shift[i]) + wide[i]);
            return;
        }
        for (int k = 0; k < Extent; k++)
        {
            Span<T> y = Y.AsSpan(first + k * n, n);
            TensorPrimitives.Subtract(X.AsSpan(first + k * n, n), shift, y);
            TensorPrimitives.Subtract(y, sum, y);
        }
    }
}
