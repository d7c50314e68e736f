using TensorNetworks.Nn;

namespace TensorNetworks.Models.Decompositions;

/// <summary>A Tucker decomposition as a trainable module: parameters <c>factor{k}</c> (Uₖ, Iₖ × Rₖ) and
/// <c>core</c> (G); <see cref="Reconstruct"/> is differentiable.</summary>
internal sealed class HooiModel : Module
{
    private readonly Parameter[] _factors;

    /// <summary>Registers the core and factors of <paramref name="start"/> as parameters.</summary>
    public HooiModel(TuckerTensor start)
    {
        _factors = [.. start.Factors.Select((f, k) => RegisterParameter($"factor{k}", f.Clone()))];
        Core = RegisterParameter("core", start.Core.Clone());
    }

    /// <summary>G.</summary>
    public Parameter Core { get; }

    /// <summary>U₀, …, U_{N−1}.</summary>
    public IReadOnlyList<Parameter> Factors => _factors;

    /// <summary>The current factor values.</summary>
    public Tensor[] FactorValues() => [.. _factors.Select(p => p.Value)];

    /// <summary>G ×₀ U₀ ⋯ ×_{N−1} U_{N−1}, differentiable in every parameter.</summary>
    public Tensor Reconstruct() => new TuckerTensor(Core.Value, FactorValues()).ToDense();

    /// <summary>The current values as a <see cref="TuckerTensor"/>, copied and cut from the tape.</summary>
    public TuckerTensor Snapshot() => new(Core.Value.Detach().Clone(), [.. _factors.Select(p => p.Value.Detach().Clone())]);
}
