namespace TensorNetworks.Nn;

/// <summary>
/// Inverted dropout. In training mode each element is zeroed with probability p and the kept ones are
/// scaled by 1/(1 − p), so E[y] = x: y = x ⊙ m / (1 − p) with m ~ Bernoulli(1 − p). In evaluation mode
/// (<see cref="Module.Eval"/>) it is the identity.
/// </summary>
/// <example><code>
/// var model = new Sequential(new Linear(784, 256, gen), new ReLU(), new Dropout(0.5, gen), new Linear(256, 10, gen));
/// model.Eval();   // dropout off for testing
/// </code></example>
public sealed class Dropout : Module
{
    private readonly Generator _generator;

    /// <summary>Creates the layer; <paramref name="generator"/> draws the masks.</summary>
    /// <example><code>var dropout = new Dropout(0.1, new Generator(7));</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="p"/> is not in [0, 1).</exception>
    public Dropout(double p, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!(p >= 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"Dropout: p must be in [0, 1), got {p}.");
        P = p;
        _generator = generator;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double P { get; }

    /// <summary>x ⊙ m / (1 − p) in training mode (a fresh mask per call), x in evaluation mode.</summary>
    /// <example><code>Tensor y = dropout.Forward(hidden);</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || P == 0) return input;
        Tensor mask = Tensor.Uninitialized(input.DType, input.Shape.ToArray());
        double kept = 1 / (1 - P);
        for (int i = 0; i < mask.ElementCount; i++) mask.SetFlat(i, _generator.NextDouble() < P ? 0 : kept);
        return input * mask;
    }
}
