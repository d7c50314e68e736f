using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Activation functions: Relu, Sigmoid, Tanh, Softplus.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise max(x, 0). d/dx = 1 for x &gt; 0, else 0: 0 at the kink, as in PyTorch, and 0 at NaN (PyTorch's is 1 there).</summary>
    /// <example><code>Tensor r = TN.Tensor(new[] { -1.0, 2.0 }).Relu(); // [0, 2]</code></example>
    public Tensor Relu() => Unary(new ReluOp<float>(), new ReluOp<double>(), "Relu");

    /// <summary>Elementwise logistic σ(x) = 1/(1 + e⁻ˣ). d/dx = σ(x)(1 − σ(x)).</summary>
    /// <example><code>Tensor s = TN.Tensor(new[] { 0.0 }).Sigmoid(); // [0.5]</code></example>
    public Tensor Sigmoid() => Unary(new SigmoidOp<float>(), new SigmoidOp<double>(), "Sigmoid");

    /// <summary>Elementwise hyperbolic tangent. d/dx = 1 − tanh²(x).</summary>
    /// <example><code>Tensor t = TN.Tensor(new[] { 0.0, 100.0 }).Tanh(); // [0, 1]</code></example>
    public Tensor Tanh() => Unary(new TanhOp<float>(), new TanhOp<double>(), "Tanh");

    /// <summary>
    /// Elementwise ln(1 + eˣ), computed stably as ln(1 + e^−|x|) + max(x, 0) so that large |x| neither
    /// overflows nor loses precision. d/dx = σ(x).
    /// </summary>
    /// <example><code>Tensor s = TN.Tensor(new[] { 0.0, 1000.0 }).Softplus(); // [0.693..., 1000]</code></example>
    public Tensor Softplus() => Unary(new SoftplusOp<float>(), new SoftplusOp<double>(), "Softplus");
}

internal readonly struct ReluOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Max(x, T.Zero, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => VectorMap.Run(x, dy, dx, new PassWherePositive<T>());
}

/// <summary>f(x, g) = g where x &gt; 0, else 0.</summary>
internal readonly struct PassWherePositive<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T g) => x > T.Zero ? g : T.Zero;

    public Vector<T> Invoke(Vector<T> x, Vector<T> g) => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), g, Vector<T>.Zero);
}

internal readonly struct SigmoidOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => AlignedMath.Sigmoid(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Subtract(T.One, y, dx);
        TensorPrimitives.Multiply(dx, y, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }
}

internal readonly struct TanhOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => AlignedMath.Tanh(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(T.One, dx, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }
}

internal readonly struct SoftplusOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y)
    {
        TensorPrimitives.Abs(x, y);
        TensorPrimitives.Negate(y, y);
        AlignedMath.Exp(y, y);
        Log1pKernel.Run(y, y);
        VectorMap.Run(x, y, y, new AddPositivePart<T>());
    }

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        AlignedMath.Sigmoid(x, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }
}

/// <summary>f(x, s) = s + max(x, 0).</summary>
internal readonly struct AddPositivePart<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T s) => s + T.Max(x, T.Zero);

    public Vector<T> Invoke(Vector<T> x, Vector<T> s) => s + Vector.Max(x, Vector<T>.Zero);
}
