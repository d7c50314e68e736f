using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// Tucker completion: fits X̂ = G ×₀ U₀ ⋯ ×_{N−1} U_{N−1} of multilinear rank (R₀, …, R_{N−1}) to the observed
/// entries Ω by minimizing L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2)(‖G‖²_F + Σₖ ‖Uₖ‖²_F), with
/// mᵢ = Σ_r G[r₀, …] Πₖ Uₖ[iₖ, rₖ] evaluated by gathering one row of each factor per observed entry and
/// contracting the rows with the core (the dense tensor is never formed; unobserved entries do not enter the
/// loss). Minimized by <c>Trainer.Fit</c> with a gradient scheme (L-BFGS or Adam) from a normal start; the
/// factors are not kept orthonormal. Runs in the observed values' dtype.
/// </summary>
/// <example><code>
/// CompletionResult&lt;TuckerTensor&gt; r = TuckerCompletion.Fit(x, mask, [2, 2, 2]);
/// Tensor completed = r.Decomposition.ToDense();
/// </code></example>
public static class TuckerCompletion
{
    /// <summary>Fits a Tucker model of multilinear rank <paramref name="ranks"/> to the entries of
    /// <paramref name="tensor"/> where <paramref name="mask"/> is 1.</summary>
    /// <param name="tensor">The partially known tensor; entries where the mask is 0 are never read.</param>
    /// <param name="mask">0/1 tensor of the same shape.</param>
    /// <param name="ranks">(R₀, …, R_{N−1}), one per mode, each ≥ 1.</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The Tucker tensor and the loss history.</returns>
    /// <exception cref="ArgumentException">When the mask's shape differs from the tensor's, a mask entry is not
    /// 0 or 1, nothing is observed, an observed entry is not finite, or the rank count differs from the order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1, exceeds its mode's size or the product of
    /// the other ranks (as <see cref="Hosvd"/> requires), or an option is out of range.</exception>
    /// <example><code>var r = TuckerCompletion.Fit(x, mask, [3, 3, 2]);</code></example>
    public static CompletionResult<TuckerTensor> Fit(Tensor tensor, Tensor mask, IReadOnlyList<int> ranks, CompletionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        RankValidation.Positive("TuckerCompletion", nameof(ranks), ranks);
        return Fit(ObservedEntries.FromMask(tensor, mask), ranks, options);
    }

    /// <summary>Fits a Tucker model of multilinear rank <paramref name="ranks"/> to an observed set.</summary>
    /// <param name="observed">Ω and its values.</param>
    /// <param name="ranks">(R₀, …, R_{N−1}), one per mode, each ≥ 1.</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The Tucker tensor and the loss history.</returns>
    /// <exception cref="ArgumentException">When the rank count differs from the order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1, exceeds its mode's size or the product of
    /// the other ranks (as <see cref="Hosvd"/> requires), or an option is out of range.</exception>
    /// <example><code>var r = TuckerCompletion.Fit(observed, [2, 2, 2]);</code></example>
    public static CompletionResult<TuckerTensor> Fit(ObservedEntries observed, IReadOnlyList<int> ranks, CompletionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(ranks);
        RankValidation.Positive("TuckerCompletion", nameof(ranks), ranks);
        if (ranks.Count != observed.Order)
            throw new ArgumentException($"TuckerCompletion: {ranks.Count} ranks [{string.Join(", ", ranks)}] for a tensor of {observed.Order} modes (shape {observed.Shape}); give one rank per mode.", nameof(ranks));
        TuckerChecks.Ranks("TuckerCompletion", observed.Shape, ranks);
        options ??= new CompletionOptions();
        CompletionFit.CheckOptions("TuckerCompletion", options);
        double scale = CompletionFit.InitialScale(observed, options, rms => TuckerCompletionModel.MatchingScale(rms, ranks));
        return CompletionFit.BestOfStarts(observed, options, generator => new TuckerCompletionModel(observed.Shape, ranks, observed.DType, scale, generator), model => model.Snapshot());
    }
}
