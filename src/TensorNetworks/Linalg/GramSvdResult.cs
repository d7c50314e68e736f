namespace TensorNetworks;

/// <summary>
/// The left singular vectors and singular values of a mode-n unfolding X₍ₙ₎ (Iₙ × J), computed from the
/// eigendecomposition of its Gram matrix by <see cref="TN.Linalg.GramSvd"/>, with the rule that says how many
/// of them are accurate.
/// </summary>
/// <param name="U">Iₙ × Iₙ, orthonormal columns, ordered as <paramref name="S"/>.</param>
/// <param name="S">Iₙ values σᵢ = sqrt(max(λᵢ, 0)) of the Gram eigenvalues λ, descending and non-negative
/// (Iₙ − J of them are zero when Iₙ &gt; J).</param>
/// <example><code>
/// GramSvdResult r = TN.Linalg.GramSvd(x, 0);
/// Tensor u = r.IsAccurate(3) ? r.U.Narrow(1, 0, 3) : TN.Linalg.Svd(TN.Linalg.Unfold(x, 0)).U.Narrow(1, 0, 3);
/// </code></example>
public sealed record GramSvdResult(Tensor U, Tensor S)
{
    /// <summary>
    /// The relative level τ = 64·sqrt(eps) of the dtype (≈ 9.5e-7 in float64, ≈ 2.2e-2 in float32) below which
    /// singular values from the Gram matrix are not trusted. Forming and diagonalizing G = X₍ₙ₎X₍ₙ₎ᵀ perturbs its
    /// eigenvalues by about eps·σ₀², so σᵢ has relative error about eps·(σ₀/σᵢ)²/2 (≤ 1.2e-4 at σᵢ = τσ₀), and
    /// projecting on the leading r vectors leaves a residual ‖(I − UᵣUᵣᵀ)X₍ₙ₎‖ larger than the SVD's by about
    /// eps·σ₀²/σ_{r−1}, so at most sqrt(eps)·σ₀/64 (≈ 2.3e-10·σ₀ in float64) when the rule holds.
    /// </summary>
    /// <example><code>double tau = GramSvdResult.Threshold(DType.Float64); // 9.5e-7</code></example>
    public static double Threshold(DType dtype) =>
        64 * Math.Sqrt(dtype.MachineEpsilon());

    /// <summary>
    /// True when the leading <paramref name="rank"/> vectors and values are accurate enough to replace an SVD's:
    /// σ_{rank−1} ≥ τ·σ₀ with τ = <see cref="Threshold"/> (always true for a zero matrix, whose every orthonormal
    /// basis is a valid U). When false, use <see cref="TN.Linalg.Svd"/> of the unfolding instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="rank"/> is not in 1..Iₙ.</exception>
    /// <example><code>bool ok = TN.Linalg.GramSvd(x, 0).IsAccurate(20);</code></example>
    public bool IsAccurate(int rank)
    {
        int size = S.Dims[0];
        if (rank < 1 || rank > size)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"GramSvdResult.IsAccurate: rank must be in 1..{size} (the unfolding has {size} rows), got {rank}.");
        return S[rank - 1] >= Threshold(S.DType) * S[0];
    }
}
