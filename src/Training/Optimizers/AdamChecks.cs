namespace TensorNetworks.Training.Optimizers;

/// <summary>The hyperparameter checks <see cref="Adam"/> and <see cref="AdamW"/> share.</summary>
internal static class AdamChecks
{
    /// <exception cref="ArgumentOutOfRangeException">When a beta is outside [0, 1), or epsilon or the weight
    /// decay is negative or not finite; the message names the optimizer, the parameter and the value.</exception>
    public static void Validate(string kind, double beta1, double beta2, double epsilon, double weightDecay)
    {
        if (!(beta1 >= 0 && beta1 < 1))
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, $"{kind}: beta1 must be in [0, 1), got {beta1}.");
        if (!(beta2 >= 0 && beta2 < 1))
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, $"{kind}: beta2 must be in [0, 1), got {beta2}.");
        if (!(epsilon >= 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"{kind}: epsilon must be non-negative and finite, got {epsilon}.");
        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"{kind}: weightDecay must be non-negative and finite, got {weightDecay}.");
    }
}
