namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Tucker decomposition by the higher-order SVD (De Lathauwer, De Moor &amp; Vandewalle, 2000). Uₙ holds the
/// Rₙ leading left singular vectors of the unfolding X₍ₙ₎ and the core is G = X ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ.
/// The result is exact when X has multilinear rank at most (R₀, …, R_{N−1}); otherwise its error is at most
/// √N times the best rank-(R₀, …) approximation's (for either variant). Computed in the input's dtype,
/// without recording for autodiff. Each Uₙ comes from the eigenvectors of the Gram matrix X₍ₙ₎X₍ₙ₎ᵀ when the
/// kept singular values are at least 64·sqrt(eps)·σ₀ (Gram accuracy rule, <see cref="TN.Linalg.GramSvd"/>), and
/// from an SVD of X₍ₙ₎ otherwise.
/// </summary>
/// <example><code>
/// TuckerTensor t = Hosvd.Fit(x, [3, 3, 2]);
/// TuckerTensor st = Hosvd.FitSequentiallyTruncated(x, [3, 3, 2]); // cheaper, same guarantees
/// </code></example>
public static class Hosvd
{
    /// <summary>
    /// The truncated HOSVD: for every mode independently, Uₙ = the Rₙ leading left singular vectors of X₍ₙ₎;
    /// then G = X ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor is a scalar or not finite, or the rank count differs from its order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1, Rₙ &gt; Iₙ, or Rₙ &gt; Π_{m≠n} Rₘ
    /// (the message names the rank, the limit and the shape).</exception>
    /// <example><code>TuckerTensor t = Hosvd.Fit(TN.Randn(new Generator(0), DType.Float64, 6, 5, 4), [2, 2, 2]);</code></example>
    public static TuckerTensor Fit(Tensor tensor, IReadOnlyList<int> ranks)
    {
        Tensor x = Checked(tensor, ranks, "Hosvd.Fit");
        using var _ = TN.NoGrad();
        Tensor[] factors = [.. Enumerable.Range(0, x.Order).Select(n => LeadingLeftSingularVectors(x, n, ranks[n]))];
        return new TuckerTensor(Project(x, factors), factors);
    }

    /// <summary>
    /// The sequentially truncated HOSVD (Vannieuwenhoven, Vandebril &amp; Meerbergen, 2012): modes are processed
    /// in order 0, 1, …; Uₙ = the Rₙ leading left singular vectors of Y₍ₙ₎ for the partially projected
    /// Y = X ×₀ U₀ᵀ ⋯ ×ₙ₋₁ Uₙ₋₁ᵀ, which is then projected on mode n too; the final Y is the core. Each SVD
    /// works on an already shrunken tensor.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Fit"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Fit"/>.</exception>
    /// <example><code>TuckerTensor t = Hosvd.FitSequentiallyTruncated(x, [2, 2, 2]);</code></example>
    public static TuckerTensor FitSequentiallyTruncated(Tensor tensor, IReadOnlyList<int> ranks)
    {
        Tensor y = Checked(tensor, ranks, "Hosvd.FitSequentiallyTruncated");
        using var _ = TN.NoGrad();
        var factors = new Tensor[y.Order];
        for (int n = 0; n < factors.Length; n++)
        {
            factors[n] = LeadingLeftSingularVectors(y, n, ranks[n]);
            y = TN.Linalg.ModeProduct(y, factors[n].Transpose(0, 1), n);
        }
        return new TuckerTensor(y, factors);
    }

    /// <summary>The first <paramref name="count"/> columns of U in the thin SVD of <paramref name="matrix"/>.</summary>
    internal static Tensor LeadingLeftSingularVectors(Tensor matrix, int count) => LeadingLeftSingularVectors(matrix, 0, count);

    /// <summary>
    /// The first <paramref name="count"/> left singular vectors of the mode-n unfolding X₍ₙ₎ (Iₙ × J). When
    /// Iₙ ≤ J they come from the Gram matrix X₍ₙ₎X₍ₙ₎ᵀ (<see cref="TN.Linalg.GramSvd"/>, computed without forming
    /// the unfolding), kept only if σ_{count−1} ≥ 64·sqrt(eps)·σ₀ (<see cref="GramSvdResult.IsAccurate"/>); when
    /// Iₙ &gt; J, from the float64 Gram matrix of the other side (<see cref="TallGram"/>) under the float64 rule;
    /// otherwise from the SVD of the unfolding.
    /// </summary>
    internal static Tensor LeadingLeftSingularVectors(Tensor tensor, int mode, int count)
    {
        int size = tensor.Size(mode);
        if (size <= tensor.ElementCount / Math.Max(size, 1))
        {
            GramSvdResult gram = TN.Linalg.GramSvd(tensor, mode);
            if (gram.IsAccurate(count)) return gram.U.Narrow(1, 0, count);
            return TN.Linalg.Svd(TN.Linalg.Unfold(tensor, mode)).U.Narrow(1, 0, count);
        }
        Tensor unfolded = TN.Linalg.Unfold(tensor, mode);
        GramSvdResult right = TallGram.RightFactors(unfolded, "Hosvd");
        return right.IsAccurate(count) ? TallGram.LeftVectors(unfolded, right.U, count) : TN.Linalg.Svd(unfolded).U.Narrow(1, 0, count);
    }

    /// <summary>X ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ in one einsum.</summary>
    internal static Tensor Project(Tensor x, IReadOnlyList<Tensor> factors)
    {
        int n = x.Order;
        int[][] labels = [[.. Enumerable.Range(0, n)], .. Enumerable.Range(0, n).Select(k => new[] { k, n + k })];
        return TN.Einsum(labels, [.. Enumerable.Range(n, n)], [x, .. factors]);
    }

    /// <summary>Validates the tensor and ranks; returns the tensor detached from the tape.</summary>
    internal static Tensor Checked(Tensor tensor, IReadOnlyList<int> ranks, string context)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Order == 0)
            throw new ArgumentException($"{context}: the tensor needs at least one mode, got a scalar.", nameof(tensor));
        TuckerChecks.Ranks(context, tensor.Shape, ranks);
        if (!tensor.AllFinite())
            throw new ArgumentException($"{context}: the tensor (shape {tensor.Shape}) has a NaN or infinite entry; clean or mask it first.", nameof(tensor));
        return tensor.Detach();
    }
}
