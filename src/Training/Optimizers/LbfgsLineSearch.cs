namespace TensorNetworks.Training.Optimizers;

/// <summary>How <see cref="Lbfgs"/> chooses the step length along its search direction.</summary>
public enum LbfgsLineSearch
{
    /// <summary>No search: a fixed step of the learning rate (scaled by min(1, 1/‖g‖₁) while the history is empty).</summary>
    None,

    /// <summary>A line search meeting the strong-Wolfe conditions φ(α) ≤ φ(0) + c₁αφ'(0) and
    /// |φ'(α)| ≤ c₂|φ'(0)| with c₁ = 1e-4, c₂ = 0.9 (Nocedal and Wright, Algorithms 3.5 and 3.6).</summary>
    StrongWolfe,
}
