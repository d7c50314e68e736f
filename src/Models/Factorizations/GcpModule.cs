using TensorNetworks.Models.Decompositions;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Factorizations;

/// <summary>
/// The trainable GCP factors: parameters <c>factor{k}</c> (Iₖ × R). For a loss that needs m ≥ 0 the
/// parameters are raw values Bₖ and the factors are Aₖ = softplus(Bₖ) = log(1 + e^{Bₖ}) &gt; 0, so every model
/// value m = Σᵣ Πₖ Aₖ[iₖ, r] is positive at every point an optimizer visits — L-BFGS's line-search trials
/// included, which a projection after each step could not guarantee (the project's L-BFGS is unconstrained,
/// and log(m + ε) is undefined below −ε). Otherwise the parameters are the factors themselves.
/// </summary>
internal sealed class GcpModule : Module
{
    private readonly Parameter[] _parameters;

    /// <summary>Registers parameters whose factors equal <paramref name="start"/> (positive when <paramref name="nonNegative"/>).</summary>
    public GcpModule(IReadOnlyList<Tensor> start, bool nonNegative)
    {
        NonNegative = nonNegative;
        using var _ = TN.NoGrad();
        _parameters = [.. start.Select((a, k) => RegisterParameter($"factor{k}", nonNegative ? InverseSoftplus(a) : a.Detach().Clone()))];
    }

    /// <summary>Whether the factors are softplus(parameters).</summary>
    public bool NonNegative { get; }

    /// <summary>The factors A₀, …, A_{N−1}, recorded for autodiff from the parameters.</summary>
    public Tensor[] Factors() => [.. _parameters.Select(p => NonNegative ? p.Value.Softplus() : p.Value)];

    /// <summary>The current factors as a CP tensor with unit weights, cut from the tape.</summary>
    public CpTensor Snapshot()
    {
        using var _ = TN.NoGrad();
        return new CpTensor([.. Factors().Select(a => a.Detach().Clone())]);
    }

    /// <summary>softplus⁻¹(a) = log(eᵃ − 1) = a + log(1 − e⁻ᵃ), for a &gt; 0.</summary>
    private static Tensor InverseSoftplus(Tensor a) => a + (1.0 - (-a).Exp()).Log();
}
