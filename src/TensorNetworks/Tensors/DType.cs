namespace TensorNetworks;

/// <summary>The element type of a <see cref="Tensor"/>, chosen at run time.</summary>
/// <remarks>Operations never mix dtypes silently: combining a Float32 and a Float64 tensor throws,
/// and <see cref="Tensor.To(DType)"/> converts explicitly.</remarks>
public enum DType
{
    /// <summary>IEEE 754 binary32 (<see cref="float"/>).</summary>
    Float32,

    /// <summary>IEEE 754 binary64 (<see cref="double"/>).</summary>
    Float64,
}

/// <summary>Facts about each <see cref="DType"/>.</summary>
public static class DTypeExtensions
{
    /// <summary>Size of one element in bytes: 4 for Float32, 8 for Float64.</summary>
    /// <example><code>int bytes = DType.Float64.ElementSize(); // 8</code></example>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 => sizeof(float),
        DType.Float64 => sizeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype; use Float32 or Float64."),
    };

    /// <summary>Machine epsilon, the gap between 1 and the next number: 2⁻²³ ≈ 1.19e-7 for Float32, 2⁻⁵² ≈ 2.22e-16
    /// for Float64 (PyTorch's <c>torch.finfo(dtype).eps</c>).</summary>
    /// <example><code>double eps = DType.Float32.MachineEpsilon(); // 1.1920928955078125e-7</code></example>
    public static double MachineEpsilon(this DType dtype) => dtype switch
    {
        DType.Float32 => float.BitIncrement(1f) - 1f,
        DType.Float64 => double.BitIncrement(1.0) - 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype; use Float32 or Float64."),
    };

    /// <summary>The smallest positive normal number: 2⁻¹²⁶ ≈ 1.18e-38 for Float32, 2⁻¹⁰²² ≈ 2.23e-308 for Float64
    /// (<c>torch.finfo(dtype).tiny</c>).</summary>
    /// <example><code>double tiny = DType.Float64.SmallestNormal(); // 2.2250738585072014e-308</code></example>
    public static double SmallestNormal(this DType dtype) => dtype switch
    {
        DType.Float32 => Math.ScaleB(1.0, -126),
        DType.Float64 => Math.ScaleB(1.0, -1022),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype; use Float32 or Float64."),
    };

    /// <summary>The dtype of the CLR element type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">When <typeparamref name="T"/> is neither float nor double.</exception>
    internal static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        throw new NotSupportedException($"Element type {typeof(T).Name} is not supported; use float or double.");
    }
}
