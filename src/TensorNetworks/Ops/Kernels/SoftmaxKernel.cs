using System.Buffers;
using System.Runtime.CompilerServices;
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

    /// <summary>Lines = lse = m + ln Σ exp(X − m) from input X; Y is not used (it may be empty).</summary>
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
/// overflows. Contiguous lines (inner = 1) use whole-row TensorPrimitives calls, short ones a group of lines at a time
/// (<see cref="GroupRows"/>), large inputs split over the cores in whole groups;
/// strided lines (inner &gt; 1) go to <see cref="StridedSoftmax{T}"/>, whose SIMD runs along the inner axis.
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
        if (Inner == 0) return;
        if (Inner > 1)
        {
            new StridedSoftmax<T>(this).Run();
            return;
        }
        int groups = (Outer + GroupRows - 1) / GroupRows;
        if ((long)Outer * Extent >= Parallelism.ElementwiseGrain && groups > 1)
            Parallelism.For(groups, (int)Math.Max(1, Parallelism.ElementwiseGrain / ((long)GroupRows * Extent)), new GroupRange(this));
        else Groups(0, groups);
    }

    private readonly struct GroupRange(SoftmaxKernel<T> kernel) : IRangeBody
    {
        public void Run(int start, int length) => kernel.Groups(start, length);
    }

    /// <summary>Lines per group along the last axis: as many as fill <see cref="LineGroups.GroupElements"/> when a line
    /// is at most half that long, so that a line of 10 costs no exp call of its own (1024×10 float32 log-softmax took 72
    /// µs line by line), else one. Groups depend on the shape alone, so results do not depend on the core count.</summary>
    private int GroupRows => 2 * Extent <= LineGroups.GroupElements ? Math.Clamp(LineGroups.GroupElements / Extent, 1, Math.Max(1, Outer)) : 1;

    /// <summary>The longest group whose exps go to a line on the stack.</summary>
    private const int StackLine = 4096;

    /// <summary>
    /// Groups [start, start + count). The forward ops write a group's exps into one line of scratch on the stack, up to
    /// <see cref="StackLine"/> elements; a longer line (a group of one) writes them into the output (the log-sum-exp
    /// into a pooled line). A pooled line of 1000 made 4096×1000 float32 log-sum-exp take 1.9-2.1 ms instead
    /// of 1.4 in some runs (two cores, one such line each; not understood), and with the full-size pooled scratch it
    /// replaced, whole processes ran the log-sum-exp twice as slowly as others.
    /// </summary>
    [SkipLocalsInit]
    private void Groups(int start, int count)
    {
        int rows = GroupRows, first = start * rows, end = Math.Min(Outer, (start + count) * rows);
        if (IsBackward)
        {
            for (int o = first; o < end; o += rows) GroupBackward(o, Math.Min(end, o + rows));
            return;
        }
        Span<T> shifts = stackalloc T[rows];
        if (rows * Extent <= StackLine)
        {
            Span<T> line = stackalloc T[rows * Extent];
            for (int o = first; o < end; o += rows) GroupForward(o, Math.Min(end, o + rows), line, shifts);
            return;
        }
        if (Op != LineOp.LogSumExp)
        {
            for (int o = first; o < end; o++) GroupForward(o, o + 1, Y.AsSpan(o * Extent, Extent), shifts);
            return;
        }
        T[] scratch = ArrayPool<T>.Shared.Rent(Extent);
        try
        {
            for (int o = first; o < end; o++) GroupForward(o, o + 1, scratch.AsSpan(0, Extent), shifts);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary>Float32 contiguous lines sum in double chunk by chunk; float64 ones in one SIMD pass.</summary>
    private static bool SumsInDouble => typeof(T) == typeof(float);

    private static double WideLineSum(ReadOnlySpan<T> values)
        => SumsInDouble ? ChunkedSum.Of(values) : double.CreateTruncating(SimdSum.Of(values));

    private static T LineSum(ReadOnlySpan<T> values) => T.CreateTruncating(WideLineSum(values));

    private static T LineDot(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        => SumsInDouble ? T.CreateTruncating(ChunkedSum.Dot(x, y)) : SimdSum.Dot(x, y);

    /// <summary>
    /// Σ y for y = exp(x − <paramref name="shift"/>). In float32, when the sum is below 2 (the line's maximum dominates,
    /// so its lse is below ln 2 and an error of a few ulps of 1 is large beside it) it is taken again with the term of
    /// the line's first maximum exactly 1, left out of the
    /// chunk sums and added in double: a SIMD lane that adds terms near 1e-6 to a 1 rounds each to float32's ulp of 1,
    /// which put an lse near 1e-3 off by 3e-4, relative. Larger sums keep the first, at no extra cost.
    /// </summary>
    internal static double SumOfExps(ReadOnlySpan<T> x, T shift, Span<T> y)
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


    /// <summary>Lines [first, end) forward: each line's shift m and x − m into <paramref name="line"/>, the exps of the
    /// whole group in one call, then each line's sum and result.</summary>
    private void GroupForward(int first, int end, Span<T> line, Span<T> shifts)
    {
        int e = Extent;
        for (int o = first; o < end; o++)
        {
            ReadOnlySpan<T> x = X.AsSpan(o * e, e);
            shifts[o - first] = MaxTerm.ShiftOf(x);
            TensorPrimitives.Subtract(x, shifts[o - first], line.Slice((o - first) * e, e));
        }
        AlignedMath.Exp<T>(line[..((end - first) * e)], line[..((end - first) * e)]);
        for (int o = first; o < end; o++) Finish(o, shifts[o - first], line.Slice((o - first) * e, e));
    }

    /// <summary>Line o's result from its shift and its exps (the output itself for the softmax and log-softmax of lines
    /// longer than <see cref="StackLine"/>).</summary>
    private void Finish(int o, T shift, Span<T> exps)
    {
        ReadOnlySpan<T> x = X.AsSpan(o * Extent, Extent);
        double sum = SumOfExps(x, shift, exps);
        switch (Op)
        {
            case LineOp.Softmax: TensorPrimitives.Divide(exps, T.CreateTruncating(sum), Y.AsSpan(o * Extent, Extent)); break;
            case LineOp.LogSoftmax:
                Span<T> y = Y.AsSpan(o * Extent, Extent);
                TensorPrimitives.Subtract(x, shift, y);
                TensorPrimitives.Subtract(y, T.CreateTruncating(Math.Log(sum)), y);
                break;
            default: Lines![o] = T.CreateTruncating(double.CreateTruncating(shift) + Math.Log(sum)); break;
        }
    }

    /// <summary>Lines [first, end) backward, the exps of the group (log-softmax and log-sum-exp) in one call.</summary>
    private void GroupBackward(int first, int end)
    {
        int e = Extent;
        Span<T> ys = Y.AsSpan(first * e, (end - first) * e);
        switch (Op)
        {
            case LineOp.SoftmaxBackward:
                for (int o = first; o < end; o++)
                {
                    ReadOnlySpan<T> g = G.AsSpan(o * e, e), x = X.AsSpan(o * e, e);
                    TensorPrimitives.AddMultiply(g, -LineDot(g, x), x, Y.AsSpan(o * e, e));
                }
                break;
            case LineOp.LogSoftmaxBackward:
                AlignedMath.Exp<T>(X.AsSpan(first * e, ys.Length), ys);
                for (int o = first; o < end; o++)
                {
                    ReadOnlySpan<T> g = G.AsSpan(o * e, e);
                    Span<T> y = Y.AsSpan(o * e, e);
                    TensorPrimitives.MultiplyAdd(y, -LineSum(g), g, y);
                }
                break;
            default:
                for (int o = first; o < end; o++) TensorPrimitives.Subtract(X.AsSpan(o * e, e), Lines![o], Y.AsSpan(o * e, e));
                AlignedMath.Exp<T>(ys, ys);
                for (int o = first; o < end; o++) TensorPrimitives.Multiply(Y.AsSpan(o * e, e), G![o], Y.AsSpan(o * e, e));
                break;
        }
    }
}
