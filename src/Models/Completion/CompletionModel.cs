using TensorNetworks.Nn;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// A decomposition trained on observed entries only: <see cref="Predict"/> evaluates the model at the
/// multi-indices of Ω without forming the dense tensor, and <see cref="Loss"/> is
/// L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2) Σ_θ ‖θ‖²_F over every registered parameter θ.
/// </summary>
internal abstract class CompletionModel : Module
{
    /// <summary>The model's entries mᵢ at every i ∈ Ω, as a vector in Ω's order (differentiable).</summary>
    public abstract Tensor Predict(ObservedEntries observed);

    /// <summary>L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2) Σ_θ ‖θ‖²_F (differentiable).</summary>
    public Tensor Loss(ObservedEntries observed, double l2Penalty)
    {
        Tensor loss = (observed.Values - Predict(observed)).Square().Sum() * 0.5;
        if (l2Penalty == 0) return loss;
        Tensor penalty = Parameters().Select(p => p.Value.Square().Sum()).Aggregate((a, b) => a + b);
        return loss + penalty * (0.5 * l2Penalty);
    }

    /// <summary>A normal tensor of standard deviation <paramref name="scale"/>.</summary>
    protected static Tensor Start(Generator generator, DType dtype, double scale, params int[] shape) =>
        TN.Randn(generator, dtype, shape) * scale;
}
