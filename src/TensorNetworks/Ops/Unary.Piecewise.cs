using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Piecewise-linear functions: Abs and Clamp.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise |x|. d/dx = sign(x), with 0 at x = 0.</summary>
    /// <example><code>Tensor a = TN.Tensor(new[] { -2.0, 3.0 }).Abs(); // [2, 3]</code></example>
    public Tensor Abs() => Unary(new AbsOp<float>(), new AbsOp<double>(), "Abs");

    /// <summary>
    /// Elementwise min(max(x, <paramref name="min"/>), <paramref name="max"/>); a null bound is not applied.
    /// d/dx = 1 where min ≤ x ≤ max, else 0.
    /// </summary>
    /// <exception cref="ArgumentException">When both bounds are null, a bound is NaN, or min &gt; max.</exception>
    /// <example><code>
    /// Tensor c = TN.Tensor(new[] { -2.0, 0.5, 3.0 }).Clamp(0, 1); // [0, 0.5, 1]
    /// Tensor p = TN.Tensor(new[] { -2.0, 3.0 }).Clamp(min: 0);    // [0, 3]
    /// </code></example>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null)
            throw new ArgumentException("Clamp needs at least one bound; pass min:, max: or both.");
        if (double.IsNaN(min ?? 0) || double.IsNaN(max ?? 0))
            throw new ArgumentException($"Clamp: bounds must not be NaN, got min {Format(min)} and max {Format(max)}.");
        if (min > max)
            throw new ArgumentException($"Clamp: min {min} is greater than max {max}; swap them.");
        double lo = min ?? double.NegativeInfinity, hi = max ?? double.PositiveInfinity;
        return Unary(new ClampOp<float>((float)lo, (float)hi), new ClampOp<double>(lo, hi), "Clamp");

        static string Format(double? bound) => bound?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
    }
}

internal readonly struct AbsOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Abs(x, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => VectorMap.Run(x, dy, dx, new TimesSign<T>());
}

/// <summary>f(x, g) = g·sign(x), with sign(0) = 0.</summary>
internal readonly struct TimesSign<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T g) => x > T.Zero ? g : x < T.Zero ? -g : T.Zero;

    public Vector<T> Invoke(Vector<T> x, Vector<T> g)
        => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), g,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -g, Vector<T>.Zero));
}

internal readonly struct ClampOp<T>(T min, T max) : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Forward(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Clamp(x, min, max, y);

    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => VectorMap.Run(x, dy, dx, new PassWithin<T>(min, max));
}

/// <summary>f(x, g) = g where min ≤ x ≤ max, else 0.</summary>
internal readonly struct PassWithin<T>(T min, T max) : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T g) => x >= min && x <= max ? g : T.Zero;

    public Vector<T> Invoke(Vector<T> x, Vector<T> g)
    {
        Vector<T> inside = Vector.GreaterThanOrEqual(x, new Vector<T>(min)) & Vector.LessThanOrEqual(x, new Vector<T>(max));
        return Vector.ConditionalSelect(inside, g, Vector<T>.Zero);
    }
}
