using System.Globalization;
using System.Numerics.Tensors;

namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Elementwise closeness with broadcasting, NumPy's and PyTorch's <c>isclose</c>: r = 1 where a = b (equal
    /// infinities included) or |a − b| is finite and |a − b| ≤ <paramref name="atol"/> + <paramref name="rtol"/>·|b|,
    /// else 0. The test is not symmetric: b is the reference. NaN is never close to anything unless
    /// <paramref name="equalNan"/>, which makes two NaNs close. For float32 the tolerances are rounded to float32 and
    /// the test runs in float32, as in PyTorch. The result has the operands' dtype, holds 0/1 (a
    /// <see cref="Where(Tensor, Tensor, Tensor)"/> mask) and never requires a gradient.
    /// </summary>
    /// <exception cref="ArgumentException">When the dtypes differ or the shapes do not broadcast.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a tolerance is negative or NaN.</exception>
    /// <example><code>Tensor m = TN.IsClose(TN.Tensor(new[] { 1.0, 2.0 }), TN.Tensor(new[] { 1.0 + 1e-9, 2.1 })); // [1, 0]</code></example>
    public static Tensor IsClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireTolerance(rtol, nameof(rtol), "IsClose");
        RequireTolerance(atol, nameof(atol), "IsClose");
        BroadcastShapes.RequireSameDType(a, b, "IsClose");
        int[] dims = BroadcastShapes.Of(a.Dims, b.Dims, "IsClose");
        Tensor x = Expanded(a, dims), y = Expanded(b, dims);
        return a.DType == DType.Float32
            ? IsCloseKernel.Run(x, y, (float)rtol, (float)atol, equalNan)
            : IsCloseKernel.Run(x, y, rtol, atol, equalNan);
    }

    /// <summary>
    /// True when every element of <see cref="IsClose"/>(a, b, rtol, atol, equalNan) is 1 (so true for empty
    /// operands), NumPy's and PyTorch's <c>allclose</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When the dtypes differ or the shapes do not broadcast.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a tolerance is negative or NaN.</exception>
    /// <example><code>bool same = TN.AllClose(TN.Ones(3), TN.Ones(3) + 1e-7f); // true</code></example>
    public static bool AllClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false)
    {
        Tensor close = IsClose(a, b, rtol, atol, equalNan);
        if (close.ElementCount == 0) return true;
        bool all = close.DType == DType.Float32
            ? TensorPrimitives.Min(close.Span<float>()) == 1f
            : TensorPrimitives.Min(close.Span<double>()) == 1.0;
        GC.KeepAlive(close);
        return all;
    }

    private static Tensor Expanded(Tensor t, int[] dims)
        => t.Dims.AsSpan().SequenceEqual(dims) ? t : t.Detach().BroadcastTo(dims);

    private static void RequireTolerance(double value, string name, string op)
    {
        if (!(value >= 0))
            throw new ArgumentOutOfRangeException(name, value, $"{op}: {name} must be a number >= 0, got {value.ToString(CultureInfo.InvariantCulture)}.");
    }
}
