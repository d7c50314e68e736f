using TensorNetworks.Nn;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A CP decomposition as a trainable module: parameters <c>weights</c> (λ, R values) and
/// <c>factor{k}</c> (Aₖ, Iₖ × R). <see cref="Reconstruct"/> is differentiable, so the same module trains
/// under CP-ALS (closed-form blocks) or a gradient scheme.
/// </summary>
internal sealed class CpModel : Module
{
    private readonly Parameter[] _factors;

    /// <summary>Registers the weights and factors of <paramref name="start"/> as parameters.</summary>
    public CpModel(CpTensor start)
    {
        Weights = RegisterParameter("weights", start.Weights.Clone());
        _factors = [.. start.Factors.Select((f, k) => RegisterParameter($"factor{k}", f.Clone()))];
    }

    /// <summary>λ.</summary>
    public Parameter Weights { get; }

    /// <summary>A₀, …, A_{N−1}.</summary>
    public IReadOnlyList<Parameter> Factors => _factors;

    /// <summary>The current factor values.</summary>
    public Tensor[] FactorValues() => [.. _factors.Select(p => p.Value)];

    /// <summary>X̂ = Σᵣ λᵣ a₀ᵣ ∘ ⋯ ∘ a_{N−1,r}, differentiable in every parameter.</summary>
    public Tensor Reconstruct() => Snapshot(detach: false).ToDense();

    /// <summary>The current values as a <see cref="CpTensor"/>; with <paramref name="detach"/>, copies cut from the tape.</summary>
    public CpTensor Snapshot(bool detach = true) => detach
        ? new CpTensor(Weights.Value.Detach().Clone(), [.. _factors.Select(p => p.Value.Detach().Clone())])
        : new CpTensor(Weights.Value, FactorValues());
}
