namespace TensorNetworks.Training.Schemes;

/// <summary>
/// The two non-negative parts of a multiplicative update for one parameter: θ ← θ ⊙ N / (D + ε). For a
/// loss whose gradient splits as ∇ = D − N with N, D ≥ 0, the update keeps θ non-negative and is a fixed
/// point exactly where the gradient vanishes (Lee and Seung). Called without recording, with the other
/// parameters at their current values.
/// </summary>
/// <param name="context">The step: model, batch and objective.</param>
/// <returns>The numerator N and denominator D, each of the parameter's shape.</returns>
public delegate (Tensor Numerator, Tensor Denominator) MultiplicativeRule(StepContext context);
