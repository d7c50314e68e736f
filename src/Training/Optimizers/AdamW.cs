using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter), following PyTorch's rule. For each parameter
/// p with gradient g, at its step t (from 1): p ← p(1 − ηλ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// p ← p − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε). The decay shrinks p directly instead of
/// entering the moments as <see cref="Adam"/>'s L2 term does.
/// </summary>
/// <example><code>
/// var adamw = new AdamW(model.Parameters(), learningRate: 1e-3, weightDecay: 1e-2);
/// Trainer.Fit(model, loader, objective, new GradientScheme(adamw));
/// </code></example>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer.</summary>
    /// <example><code>var adamw = new AdamW(model.Parameters(), learningRate: 1e-3, weightDecay: 0.05);</code></example>
    /// <exception cref="ArgumentException">When the parameter list is empty or repeats a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is negative or not finite, a beta
    /// is outside [0, 1), or <paramref name="epsilon"/> or <paramref name="weightDecay"/> is negative or not finite.</exception>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    /// <summary>Decoupled decay: p ← p(1 − ηλ) in place; the moments see the plain gradient.</summary>
    private protected override Tensor Decay(Tensor p, Tensor grad)
    {
        p.ScaleInPlace(1 - LearningRate * WeightDecay);
        return grad;
    }
}
