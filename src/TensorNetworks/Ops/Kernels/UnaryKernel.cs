using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// An elementwise function y = f(x) with its vector-Jacobian product dx = dy · f'(x), both on spans.
/// Implemented by small readonly structs that carry the op's parameters (an exponent, bounds).
/// </summary>
internal interface IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Writes y = f(x); the spans have equal length and do not overlap.</summary>
    void Forward(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>Writes dx = dy · f'(x), given x and y = f(x); <paramref name="dx"/> may serve as scratch.</summary>
    void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx);
}

/// <summary>
/// Runs an <see cref="IUnaryOp{T}"/> over a whole tensor: one direct call below
/// <see cref="Parallelism.ElementwiseGrain"/> elements (no allocation beyond the output), contiguous
/// chunks across cores above it.
/// </summary>
internal static class UnaryKernel
{
    internal static Tensor Forward<T, TOp>(Tensor x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        var y = Tensor.Uninitialized(x.DType, x.Dims);
        int n = x.ElementCount;
        if (n >= Parallelism.ElementwiseGrain) ForwardParallel(x.Array<T>(), y.Array<T>(), n, op);
        else if (n > 0) op.Forward(x.Span<T>(), y.Span<T>());
        GC.KeepAlive(x);
        return y;
    }

    internal static Tensor Backward<T, TOp>(Tensor x, Tensor y, Tensor dy, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        var dx = Tensor.Uninitialized(x.DType, x.Dims);
        int n = x.ElementCount;
        if (n >= Parallelism.ElementwiseGrain) BackwardParallel(x.Array<T>(), y.Array<T>(), dy.Array<T>(), dx.Array<T>(), n, op);
        else if (n > 0) op.Backward(x.Span<T>(), y.Span<T>(), dy.Span<T>(), dx.Span<T>());
        GC.KeepAlive(x);
        GC.KeepAlive(y);
        GC.KeepAlive(dy);
        return dx;
    }

    private static void ForwardParallel<T, TOp>(T[] x, T[] y, int n, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
        => Parallelism.ForInCacheBlocks(n, Parallelism.ElementwiseGrain, new ForwardRanges<T, TOp>(x, y, op));

    private static void BackwardParallel<T, TOp>(T[] x, T[] y, T[] dy, T[] dx, int n, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
        => Parallelism.ForInCacheBlocks(n, Parallelism.ElementwiseGrain, new BackwardRanges<T, TOp>(x, y, dy, dx, op));

    private readonly struct ForwardRanges<T, TOp>(T[] x, T[] y, TOp op) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        public void Run(int start, int length) => op.Forward(x.AsSpan(start, length), y.AsSpan(start, length));
    }

    private readonly struct BackwardRanges<T, TOp>(T[] x, T[] y, T[] dy, T[] dx, TOp op) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        public void Run(int start, int length)
            => op.Backward(x.AsSpan(start, length), y.AsSpan(start, length), dy.AsSpan(start, length), dx.AsSpan(start, length));
    }
}
