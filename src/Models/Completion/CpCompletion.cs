using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// CP completion: fits a rank-R CP model X̂ = Σᵣ a₀ᵣ ∘ ⋯ ∘ a_{N−1,r} to the observed entries Ω of a tensor by
/// minimizing L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2) Σₖ ‖Aₖ‖²_F, with mᵢ = Σᵣ Πₖ Aₖ[iₖ, r] evaluated by gathering
/// one row of each factor per observed entry (the dense tensor is never formed). The unobserved entries are
/// not imputed: they do not enter the loss. The minimization is <c>Trainer.Fit</c> with a gradient scheme
/// (L-BFGS or Adam) from normal starting factors; the gradient comes from autodiff and equals the closed form
/// ∂L/∂Aₖ[p, r] = −Σ_{i∈Ω, iₖ=p} (xᵢ − mᵢ) Π_{j≠k} Aⱼ[iⱼ, r] + λ Aₖ[p, r]. Runs in the observed values' dtype.
/// </summary>
/// <example><code>
/// CompletionResult&lt;CpTensor&gt; r = CpCompletion.Fit(x, mask, rank: 2, new CompletionOptions { Seed = 1 });
/// Tensor completed = r.Decomposition.ToDense();
/// </code></example>
public static class CpCompletion
{
    /// <summary>Fits a rank-<paramref name="rank"/> CP model to the entries of <paramref name="tensor"/> where
    /// <paramref name="mask"/> is 1 (see <see cref="ObservedEntries.FromMask"/>).</summary>
    /// <param name="tensor">The partially known tensor; entries where the mask is 0 are never read.</param>
    /// <param name="mask">0/1 tensor of the same shape.</param>
    /// <param name="rank">R ≥ 1.</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The CP tensor (unit weights) and the loss history.</returns>
    /// <exception cref="ArgumentException">When the mask's shape differs from the tensor's (the message names
    /// both), a mask entry is not 0 or 1, nothing is observed, or an observed entry is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is below 1 or an option is out of range.</exception>
    /// <example><code>var r = CpCompletion.Fit(x, mask, 3);</code></example>
    public static CompletionResult<CpTensor> Fit(Tensor tensor, Tensor mask, int rank, CompletionOptions? options = null)
    {
        CheckRank(rank);
        return Fit(ObservedEntries.FromMask(tensor, mask), rank, options);
    }

    /// <summary>Fits a rank-<paramref name="rank"/> CP model to an observed set.</summary>
    /// <param name="observed">Ω and its values.</param>
    /// <param name="rank">R ≥ 1.</param>
    /// <param name="options">Optimizer, steps, penalty, seed; null for the defaults.</param>
    /// <returns>The CP tensor (unit weights) and the loss history.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is below 1 or an option is out of range.</exception>
    /// <example><code>var r = CpCompletion.Fit(new ObservedEntries(new Shape(4, 5, 6), indices, values), 2);</code></example>
    public static CompletionResult<CpTensor> Fit(ObservedEntries observed, int rank, CompletionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        CheckRank(rank);
        options ??= new CompletionOptions();
        CompletionFit.CheckOptions("CpCompletion", options);
        double scale = CompletionFit.InitialScale(observed, options, rms => CpCompletionModel.MatchingScale(rms, observed.Order, rank));
        return CompletionFit.BestOfStarts(observed, options, generator => new CpCompletionModel(observed.Shape, rank, observed.DType, scale, generator), model => model.Snapshot());
    }

    private static void CheckRank(int rank)
    {
        if (rank < 1)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"CpCompletion: rank must be at least 1, got {rank}.");
    }
}
