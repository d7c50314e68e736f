using TensorNetworks.Models.Decompositions;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// A Tucker model with parameters <c>core</c> (G, R₀ × ⋯ × R_{N−1}) and <c>factor{k}</c> (Uₖ, Iₖ × Rₖ),
/// evaluated at the observed entries by gathering factor rows and contracting them with the core:
/// mᵢ = Σ_r G[r₀, …, r_{N−1}] Πₖ Uₖ[iₖ, rₖ]. The contraction runs mode by mode: the rows of U₀ (M × R₀) times
/// G reshaped to R₀ × (R₁⋯R_{N−1}), then for each further mode a batched product with that mode's rows.
/// </summary>
internal sealed class TuckerCompletionModel : CompletionModel
{
    private readonly Parameter _core;
    private readonly Parameter[] _factors;

    /// <summary>Registers a normal starting core and factors of standard deviation <paramref name="scale"/>.</summary>
    public TuckerCompletionModel(Shape shape, IReadOnlyList<int> ranks, DType dtype, double scale, Generator generator)
    {
        _core = RegisterParameter("core", Start(generator, dtype, scale, [.. ranks]));
        _factors = [.. shape.Select((d, k) => RegisterParameter($"factor{k}", Start(generator, dtype, scale, d, ranks[k])))];
    }

    /// <summary>The standard deviation s with (Πₖ Rₖ)·s^(2(N+1)) = rms².</summary>
    public static double MatchingScale(double rms, IReadOnlyList<int> ranks) =>
        Math.Pow(rms * rms / ranks.Aggregate(1.0, (p, r) => p * r), 1.0 / (2 * (ranks.Count + 1)));

    /// <inheritdoc/>
    public override Tensor Predict(ObservedEntries observed)
    {
        int count = observed.Count;
        int[] ranks = _core.Shape.ToArray();
        int rest = _core.ElementCount / ranks[0];
        Tensor t = Rows(observed, 0).MatMul(_core.Value.Reshape(ranks[0], rest));
        for (int k = 1; k < ranks.Length; k++)
        {
            rest /= ranks[k];
            t = (t.Reshape(count, ranks[k], rest) * Rows(observed, k).Reshape(count, ranks[k], 1)).Sum(1);
        }
        return t.Reshape(count);
    }

    /// <summary>The current core and factors as a <see cref="TuckerTensor"/> (copies cut from the tape).</summary>
    public TuckerTensor Snapshot() => new(_core.Value.Detach().Clone(), [.. _factors.Select(p => p.Value.Detach().Clone())]);

    private Tensor Rows(ObservedEntries observed, int mode) => _factors[mode].Value.IndexSelect(0, observed.ModeIndicesView(mode));
}
