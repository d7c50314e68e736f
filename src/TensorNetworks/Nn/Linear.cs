namespace TensorNetworks.Nn;

/// <summary>
/// A fully connected layer y = x·Wᵀ + b, with W of shape [out, in] and b of shape [out], applied to the
/// last axis of an input of shape [..., in]. Both are initialized as PyTorch does by default: uniform
/// on (−1/√in, 1/√in).
/// </summary>
/// <example><code>
/// var layer = new Linear(inFeatures: 5, outFeatures: 2, new Generator(seed: 1));
/// Tensor y = layer.Forward(TN.Ones(8, 5)); // [8, 2]
/// </code></example>
public sealed class Linear : Module
{
    private readonly Parameter? _bias;

    /// <summary>Creates the layer with weight and (optionally) bias drawn from <paramref name="generator"/>.</summary>
    /// <example><code>var layer = new Linear(784, 10, new Generator(0), dtype: DType.Float64);</code></example>
    /// <param name="inFeatures">Size of the input's last axis.</param>
    /// <param name="outFeatures">Size of the output's last axis.</param>
    /// <param name="generator">The random source of the initial values.</param>
    /// <param name="bias">Whether to add a learned bias b (registered as "bias").</param>
    /// <param name="dtype">The parameters' dtype.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a feature count is not positive.</exception>
    public Linear(int inFeatures, int outFeatures, Generator generator, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (inFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(inFeatures), inFeatures, $"Linear: inFeatures must be at least 1, got {inFeatures}.");
        if (outFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, $"Linear: outFeatures must be at least 1, got {outFeatures}.");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        double bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Uniform(generator, bound, dtype, outFeatures, inFeatures));
        if (bias) _bias = RegisterParameter("bias", Uniform(generator, bound, dtype, outFeatures));
    }

    /// <summary>Size of the input's last axis.</summary>
    public int InFeatures { get; }

    /// <summary>Size of the output's last axis.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight W, shape [out, in].</summary>
    public Parameter Weight { get; }

    /// <summary>The bias b, shape [out], or null for a layer without bias.</summary>
    public Parameter? Bias => _bias;

    /// <summary>y = x·Wᵀ + b over the last axis of <paramref name="input"/> ([..., in] → [..., out]).</summary>
    /// <exception cref="ArgumentException">When the input's last axis is not <see cref="InFeatures"/> long
    /// or its dtype differs from the parameters'.</exception>
    /// <example><code>Tensor y = layer.Forward(TN.Ones(32, 784)); // [32, 10]</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Order == 0 || input.Size(-1) != InFeatures)
            throw new ArgumentException($"Linear: the input's last axis must have {InFeatures} features, got shape {input.Shape}.", nameof(input));
        if (input.DType != Weight.Value.DType)
            throw new ArgumentException($"Linear: the input is {input.DType} but the parameters are {Weight.Value.DType}; convert with To({Weight.Value.DType}).", nameof(input));
        Tensor y = TN.MatMul(input, Weight.Value.Transpose(0, 1));
        return _bias is null ? y : y + _bias.Value;
    }

    private static Tensor Uniform(Generator generator, double bound, DType dtype, params int[] shape)
    {
        Tensor t = Tensor.Uninitialized(dtype, shape);
        for (int i = 0; i < t.ElementCount; i++) t.SetFlat(i, (2 * generator.NextDouble() - 1) * bound);
        return t;
    }
}
