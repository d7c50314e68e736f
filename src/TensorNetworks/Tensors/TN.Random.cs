namespace TensorNetworks;

public static partial class TN
{
    /// <summary>Uniform samples in [0, 1), Float32.</summary>
    /// <example><code>Tensor u = TN.Rand(new Generator(0), 2, 3);</code></example>
    public static Tensor Rand(Generator generator, params int[] shape) => Rand(generator, DefaultDType, shape);

    /// <summary>Uniform samples in [0, 1) of the given dtype.</summary>
    public static Tensor Rand(Generator generator, DType dtype, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = TensorNetworks.Tensor.Uninitialized(dtype, new Shape(shape).ToArray());
        for (int i = 0; i < t.ElementCount; i++) t.SetFlat(i, generator.NextDouble());
        return t;
    }

    /// <summary>Standard normal samples, Float32.</summary>
    /// <example><code>Tensor w = TN.Randn(new Generator(0), 4, 4);</code></example>
    public static Tensor Randn(Generator generator, params int[] shape) => Randn(generator, DefaultDType, shape);

    /// <summary>Standard normal samples of the given dtype.</summary>
    public static Tensor Randn(Generator generator, DType dtype, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = TensorNetworks.Tensor.Uninitialized(dtype, new Shape(shape).ToArray());
        for (int i = 0; i < t.ElementCount; i++) t.SetFlat(i, generator.NextNormal());
        return t;
    }

    /// <summary>Uniform integers in [0, <paramref name="high"/>) stored as floating-point values (class labels, indices).</summary>
    public static Tensor RandInt(Generator generator, int high, DType dtype, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = TensorNetworks.Tensor.Uninitialized(dtype, new Shape(shape).ToArray());
        for (int i = 0; i < t.ElementCount; i++) t.SetFlat(i, generator.NextInt(high));
        return t;
    }
}
