using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>Pow with a tensor exponent, broadcasting.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Elementwise z = xʸ with NumPy broadcasting between this tensor (x) and <paramref name="exponent"/> (y).
    /// dz/dx = y·xʸ⁻¹ (0 where y = 0); dz/dy = xʸ·ln x (0 where x = 0 and y ≥ 0).
    /// </summary>
    /// <exception cref="ArgumentException">When the dtypes differ or the shapes do not broadcast.</exception>
    /// <example><code>
    /// Tensor x = TN.Tensor(new[] { 2.0, 3.0 });
    /// Tensor z = x.Pow(TN.Tensor(new[] { 3.0, 2.0 })); // [8, 9]
    /// </code></example>
    public Tensor Pow(Tensor exponent)
    {
        var r = Binary<PowOp<float>, PowOp<double>>(this, exponent, "Pow");
        if (Autograd.ShouldRecord(this, exponent)) RecordPow(r, this, exponent);
        return r;
    }

    private static void RecordPow(Tensor r, Tensor x, Tensor y)
        => Autograd.Record(r,
            x, g => g * Binary<ScalarBinaryOp<float, PowBaseSlope<float>>, ScalarBinaryOp<double, PowBaseSlope<double>>>(x, y, "Pow"),
            y, g => g * Binary<ScalarBinaryOp<float, PowExponentSlope<float>>, ScalarBinaryOp<double, PowExponentSlope<double>>>(x, y, "Pow"),
            "Pow");
}

internal readonly struct PowOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => AlignedMath.Pow(x, y, d);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d) => AlignedMath.Pow(x, y, d);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d) => AlignedMath.Pow(x, y, d);
}

/// <summary>∂xʸ/∂x = y·xʸ⁻¹, defined as 0 when y = 0 (so 0⁰ has slope 0, as in PyTorch).</summary>
internal readonly struct PowBaseSlope<T> : IScalarFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => y == T.Zero ? T.Zero : y * T.Pow(x, y - T.One);
}

/// <summary>∂xʸ/∂y = xʸ·ln x, defined as 0 when x = 0 and y ≥ 0 (the limit from x &gt; 0).</summary>
internal readonly struct PowExponentSlope<T> : IScalarFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => x == T.Zero && y >= T.Zero ? T.Zero : T.Pow(x, y) * T.Log(x);
}
