using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Powers with a constant exponent: Sqrt, Square, Pow(double).</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise √x (NaN below 0). d/dx = 1/(2√x), +∞ at 0.</summary>
    /// <example><code>Tensor r = TN.Tensor(new[] { 4.0, 9.0 }).Sqrt(); // [2, 3]</code></example>
    public Tensor Sqrt() => Unary(new SqrtOp<float>(), new SqrtOp<double>(), "Sqrt");

    /// <summary>Elementwise x². d/dx = 2x.</summary>
    /// <example><code>Tensor s = TN.Tensor(new[] { -3.0, 2.0 }).Square(); // [9, 4]</code></example>
    public Tensor Square() => Unary(new SquareOp<float>(), new SquareOp<double>(), "Square");

    /// <summary>
    /// Elementwise xᵖ for a constant exponent (NaN for x &lt; 0 and non-integer p, as <see cref="Math.Pow"/>).
    /// d/dx = p·xᵖ⁻¹, and exactly 0 when p = 0. Exponents 2 and 0.5 run as <see cref="Square"/> and
    /// <see cref="Sqrt"/>.
    /// </summary>
    /// <example><code>Tensor c = TN.Tensor(new[] { 2.0, 3.0 }).Pow(3); // [8, 27]</code></example>
    public Tensor Pow(double exponent) => exponent switch
    {
        2.0 => Unary(new SquareOp<float>(), new SquareOp<double>(), "Pow"),
        0.5 => Unary(new SqrtOp<float>(), new SqrtOp<double>(), "Pow"),
        _ => Unary(new PowScalarOp<float>((float)exponent), new PowScalarOp<double>(exponent), "Pow"),
    };
}

internal readonly struct SqrtOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Sqrt(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Divide(dy, y, dx);
        TensorPrimitives.Multiply(dx, T.CreateTruncating(0.5), dx);
    }
}

internal readonly struct SquareOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Multiply(x, x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Add(x, x, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }
}

internal readonly struct PowScalarOp<T>(T exponent) : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => AlignedMath.Pow(x, exponent, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        if (exponent == T.Zero)
        {
            dx.Clear();
            return;
        }
        AlignedMath.Pow(x, exponent - T.One, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
        TensorPrimitives.Multiply(dx, exponent, dx);
    }
}
