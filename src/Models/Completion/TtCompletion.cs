using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// Tensor-train completion: fits cores Gₖ (r_{k−1} × nₖ × rₖ, r₀ = r_N = 1) to the observed entries Ω by
/// minimizing L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2) Σₖ ‖Gₖ‖²_F, with mᵢ = G₀[:, i₀, :] ⋯ G_{N−1}[:, i_{N−1}, :]
/// evaluated by gathering one slice of each core per observed entry and multiplying the chains as a batch
/// (the dense tensor is never formed; unobserved entries do not enter the loss). Minimized by
/// <c>Trainer.Fit</c> with a gradient scheme (L-BFGS or Adam) from a normal start. Runs in the observed
/// values' dtype.
/// </summary>
/// <example><code>
/// CompletionResult&lt;TensorTrain&gt; r = TtCompletion.Fit(x, mask, [1, 2, 2, 1]);
/// Tensor completed = r.Decomposition.ToDense();
/// </code></example>
public static class TtCompletion
{
    /// <summary>Fits a tensor train of ranks <paramref name="ranks"/> to the entries of <paramref name="tensor"/>
    /// where <paramref name="mask"/> is 1.</summary>
    /// <param name="tensor">The partially known tensor; entries where the mask is 0 are never read.</param>
    /// <param name="mask">0/1 tensor of the same shape.</param>
    /// <param name="ranks">r₀, …, r_N (N + 1 values, r₀ = r_N = 1, each ≥ 1).</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The tensor train and the loss history.</returns>
    /// <exception cref="ArgumentException">When the mask's shape differs from the tensor's, a mask entry is not
    /// 0 or 1, nothing is observed, an observed entry is not finite, or the ranks do not have N + 1 values with
    /// boundary ranks 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1 or above what its unfolding allows
    /// (r_k ≤ min(Π_{j&lt;k} n_j, Π_{j≥k} n_j)), or an option is out of range.</exception>
    /// <example><code>var r = TtCompletion.Fit(x, mask, [1, 3, 3, 1]);</code></example>
    public static CompletionResult<TensorTrain> Fit(Tensor tensor, Tensor mask, IReadOnlyList<int> ranks, CompletionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        RankValidation.Positive("TtCompletion", nameof(ranks), ranks);
        return Fit(ObservedEntries.FromMask(tensor, mask), ranks, options);
    }

    /// <summary>Fits a tensor train of ranks <paramref name="ranks"/> to an observed set.</summary>
    /// <param name="observed">Ω and its values.</param>
    /// <param name="ranks">r₀, …, r_N (N + 1 values, r₀ = r_N = 1, each ≥ 1).</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The tensor train and the loss history.</returns>
    /// <exception cref="ArgumentException">When the ranks do not have N + 1 values with boundary ranks 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1 or above what its unfolding allows
    /// (r_k ≤ min(Π_{j&lt;k} n_j, Π_{j≥k} n_j)), or an option is out of range.</exception>
    /// <example><code>var r = TtCompletion.Fit(observed, [1, 2, 2, 1]);</code></example>
    public static CompletionResult<TensorTrain> Fit(ObservedEntries observed, IReadOnlyList<int> ranks, CompletionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(ranks);
        RankValidation.Positive("TtCompletion", nameof(ranks), ranks);
        if (ranks.Count != observed.Order + 1 || ranks[0] != 1 || ranks[^1] != 1)
            throw new ArgumentException($"TtCompletion: the ranks must be r0..rN, {observed.Order + 1} values for shape {observed.Shape}, with r0 = rN = 1; got [{string.Join(", ", ranks)}].", nameof(ranks));
        TensorTrainChecks.RanksWithinUnfoldings("TtCompletion", ranks, observed.Shape.ToArray());
        options ??= new CompletionOptions();
        CompletionFit.CheckOptions("TtCompletion", options);
        double scale = CompletionFit.InitialScale(observed, options, rms => TtCompletionModel.MatchingScale(rms, ranks));
        return CompletionFit.BestOfStarts(observed, options, generator => new TtCompletionModel(observed.Shape, ranks, observed.DType, scale, generator), model => model.Snapshot());
    }
}
