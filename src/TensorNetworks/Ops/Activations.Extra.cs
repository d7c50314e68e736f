using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>More elementwise functions: LeakyRelu, Silu, Sign and Reciprocal.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Elementwise x for x &gt; 0, else <paramref name="slope"/>·x, PyTorch's <c>leaky_relu(x, negative_slope)</c>. d/dx =
    /// 1 for x &gt; 0, else the slope (the slope at 0, as in PyTorch). NaN stays NaN.
    /// </summary>
    /// <exception cref="ArgumentException">When the slope is NaN or infinite.</exception>
    /// <example><code>Tensor r = TN.Tensor(new[] { -2.0, 3.0 }).LeakyRelu(0.1); // [-0.2, 3]</code></example>
    public Tensor LeakyRelu(double slope = 0.01)
    {
        if (!double.IsFinite(slope))
            throw new ArgumentException($"LeakyRelu: slope {slope.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a finite number (PyTorch's default is 0.01).", nameof(slope));
        return Unary(new LeakyReluOp<float>((float)slope), new LeakyReluOp<double>(slope), "LeakyRelu");
    }

    /// <summary>
    /// Elementwise x·σ(x) with σ the logistic function, PyTorch's <c>silu</c> (swish). d/dx = σ(x)·(1 + x·(1 − σ(x))),
    /// formed as σ + y − y·σ from y = x·σ(x). At −∞ the product −∞·0 is NaN, as in PyTorch.
    /// </summary>
    /// <example><code>Tensor s = TN.Tensor(new[] { 0.0, 1.0 }).Silu(); // [0, 0.7311]</code></example>
    public Tensor Silu() => Unary(new SiluOp<float>(), new SiluOp<double>(), "Silu");

    /// <summary>
    /// Elementwise sign: 1 for x &gt; 0, −1 for x &lt; 0, and x itself for ±0 and NaN. PyTorch 1.13 returns 0 at NaN; tn
    /// keeps NaN (NumPy's rule), so a NaN is not silently turned into a number. The gradient is 0 everywhere, as in
    /// PyTorch.
    /// </summary>
    /// <example><code>Tensor s = TN.Tensor(new[] { -2.0, 0.0, 3.0 }).Sign(); // [-1, 0, 1]</code></example>
    public Tensor Sign() => Unary(new SignOp<float>(), new SignOp<double>(), "Sign");

    /// <summary>Elementwise 1/x, PyTorch's <c>reciprocal</c> (±∞ at ±0). d/dx = −1/x² = −y².</summary>
    /// <example><code>Tensor r = TN.Tensor(new[] { 2.0, -4.0 }).Reciprocal(); // [0.5, -0.25]</code></example>
    public Tensor Reciprocal() => Unary(new ReciprocalOp<float>(), new ReciprocalOp<double>(), "Reciprocal");
}

internal readonly struct LeakyReluOp<T>(T slope) : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => VectorMap.Run(x, x, y, new TimesSlopeWhereNotPositive<T>(slope));

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => VectorMap.Run(x, dy, dx, new TimesSlopeWhereNotPositive<T>(slope));
}

/// <summary>f(x, v) = v where x &gt; 0, else slope·v: the leaky ReLU itself (v = x) and its vector-Jacobian product (v = g).</summary>
internal readonly struct TimesSlopeWhereNotPositive<T>(T slope) : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T v) => x > T.Zero ? v : slope * v;

    public Vector<T> Invoke(Vector<T> x, Vector<T> v) => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), v, v * slope);
}

internal readonly struct SiluOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y)
    {
        AlignedMath.Sigmoid(x, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        AlignedMath.Sigmoid(x, dx);
        VectorMap.Run(dx, y, dx, new SiluSlope<T>());
        TensorPrimitives.Multiply(dx, dy, dx);
    }
}

/// <summary>f(σ, y) = σ + y − y·σ = σ(x)·(1 + x(1 − σ(x))) for y = x·σ(x): the derivative of x·σ(x).</summary>
internal readonly struct SiluSlope<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T s, T y) => s + (y - y * s);

    public Vector<T> Invoke(Vector<T> s, Vector<T> y) => s + (y - y * s);
}

internal readonly struct SignOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => VectorMap.Run(x, x, y, new SignOf<T>());

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => dx.Clear();
}

/// <summary>f(x, x) = 1 for x &gt; 0, −1 for x &lt; 0, else x (±0 and NaN pass through).</summary>
internal readonly struct SignOf<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T unused) => x > T.Zero ? T.One : x < T.Zero ? T.NegativeOne : x;

    public Vector<T> Invoke(Vector<T> x, Vector<T> unused)
        => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -Vector<T>.One, x));
}

internal readonly struct ReciprocalOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Reciprocal(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
        TensorPrimitives.Negate(dx, dx);
    }
}
