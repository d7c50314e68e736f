using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Exponential and logarithms: Exp, Log, Log1p.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise eˣ. d/dx = eˣ.</summary>
    /// <example><code>Tensor e = TN.Tensor(new[] { 0.0, 1.0 }).Exp(); // [1, 2.71828...]</code></example>
    public Tensor Exp() => Unary(new ExpOp<float>(), new ExpOp<double>(), "Exp");

    /// <summary>Elementwise natural logarithm ln x (−∞ at 0, NaN below 0). d/dx = 1/x.</summary>
    /// <example><code>Tensor l = TN.Tensor(new[] { 1.0, Math.E }).Log(); // [0, 1]</code></example>
    public Tensor Log() => Unary(new LogOp<float>(), new LogOp<double>(), "Log");

    /// <summary>Elementwise ln(1 + x), accurate for small |x|. d/dx = 1/(1 + x).</summary>
    /// <example><code>Tensor l = TN.Tensor(new[] { 1e-10 }).Log1p(); // [1e-10]</code></example>
    public Tensor Log1p() => Unary(new Log1pOp<float>(), new Log1pOp<double>(), "Log1p");
}

internal readonly struct ExpOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => AlignedMath.Exp(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => TensorPrimitives.Multiply(dy, y, dx);
}

internal readonly struct LogOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => AlignedMath.Log(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => TensorPrimitives.Divide(dy, x, dx);
}

internal readonly struct Log1pOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => Log1pKernel.Run(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Add(x, T.One, dx);
        TensorPrimitives.Divide(dy, dx, dx);
    }
}
