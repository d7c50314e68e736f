namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// TT rounding (Oseledets 2011, Algorithm 2): recompresses a tensor train without forming the full tensor.
/// A right-to-left sweep of LQ decompositions makes cores 2..d right-orthonormal; a left-to-right sweep of
/// truncated SVDs then cuts each bond with threshold δ = ε‖tt‖/sqrt(d−1). Because the cores on both sides of the
/// cut are orthonormal, each cut discards exactly its tail's weight, so ‖tt − rounded‖_F ≤ ε‖tt‖_F when no cap binds.
/// </summary>
/// <example><code>
/// TensorTrain sum = a + b;                           // ranks add
/// TensorTrain compact = TtRounding.Round(sum, 1e-10);
/// </code></example>
public static class TtRounding
{
    /// <summary>
    /// Rounds <paramref name="tt"/> to the smallest ranks that keep ‖tt − result‖_F ≤ ε‖tt‖_F (the sum of the squared
    /// discarded tails is at most ε²‖tt‖²), subject to <paramref name="maxRanks"/>. Orthogonalization: for k = d..2,
    /// G_k(r_{k-1}, n_k r_k) = L·Q (the QR of its transpose), G_k ← Q, G_{k-1} ← G_{k-1} ×₃ Lᵀ. Truncation: for k = 1..d−1,
    /// G_k(r_{k-1} n_k, r_k) = U·diag(s)·Vᵀ, keep r_k by the δ rule, G_k ← U, G_{k+1} ← diag(s)Vᵀ ×₁ G_{k+1}; the
    /// factors come from the smaller Gram matrix of the unfolding when its accuracy rule holds, else from the SVD.
    /// Cost O(d n r³); computed in the train's dtype and not recorded for autodiff.
    /// </summary>
    /// <param name="tt">The train to round.</param>
    /// <param name="relativeAccuracy">ε ≥ 0; 0 only removes numerically redundant rank: singular values at or below
    /// max(m, n)·eps·σ₀ of their m × n unfolding (so <c>tt + tt</c> comes back at tt's ranks).</param>
    /// <param name="maxRanks">Optional caps r_0..r_d (length d+1, boundary caps 1); caps above what the unfoldings
    /// allow are clamped, as in <see cref="TtSvd.Decompose"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When ε is negative or not finite, or a cap is below 1.</exception>
    /// <exception cref="ArgumentException">When the caps have the wrong length or boundary.</exception>
    /// <example><code>TensorTrain r = TtRounding.Round(tt + tt, 1e-12); // back to tt's ranks</code></example>
    public static TensorTrain Round(TensorTrain tt, double relativeAccuracy = 0.0, IReadOnlyList<int>? maxRanks = null)
    {
        ArgumentNullException.ThrowIfNull(tt);
        int[] modes = tt.Shape.ToArray();
        int[] caps = TtSvdTruncation.Caps("TtRounding.Round", relativeAccuracy, maxRanks, modes);
        int d = tt.Order;
        using var _ = TN.NoGrad();
        Tensor[] cores = [.. tt.Cores.Select(c => c.Detach())];
        for (int k = d - 1; k > 0; k--)
        {
            Tensor g = cores[k];
            int left = g.Size(0), n = g.Size(1), right = g.Size(2);
            Tensor unfolded = g.Reshape(left, n * right);
            var (l, q) = CholeskyLq.TryFactor(unfolded) ?? TN.Linalg.Lq(unfolded);
            cores[k] = q.Reshape(q.Size(0), n, right);
            cores[k - 1] = TimesLower(cores[k - 1], l);
        }
        double delta = d > 1 ? relativeAccuracy * cores[0].Norm().Item() / Math.Sqrt(d - 1) : 0;
        for (int k = 0; k < d - 1; k++)
        {
            Tensor g = cores[k];
            int left = g.Size(0), n = g.Size(1);
            Tensor c = g.Reshape(left * n, g.Size(2));
            var (u, carry) = GramStep(c, delta, caps[k + 1]) ?? SvdStep(c, delta, caps[k + 1]);
            cores[k] = u.Reshape(left, n, u.Size(1));
            cores[k + 1] = Absorb(carry, cores[k + 1]);
        }
        return new TensorTrain(cores);
    }

    /// <summary>One cut by the SVD C = U·diag(s)·Vᵀ: U[:, :r] and the carry diag(s[:r])·Vᵀ[:r], with r from the δ rule
    /// after dropping the values at the SVD's rounding level (<see cref="TtSvdTruncation.NoiseFloor"/>).</summary>
    internal static (Tensor Core, Tensor Carry) SvdStep(Tensor c, double delta, int cap)
    {
        var (u, s, vt) = TN.Linalg.Svd(c);
        double[] values = s.ToArray<double>();
        int rank = TtSvdTruncation.Rank(values, delta, cap, TtSvdTruncation.NoiseFloor(values[0], c.Size(0), c.Size(1), c.DType)).Rank;
        return (u.Narrow(1, 0, rank), s.Narrow(0, 0, rank).Reshape(rank, 1) * vt.Narrow(0, 0, rank));
    }

    /// <summary>
    /// One cut of C (m × n) through the smaller Gram matrix, or null when the accuracy rule asks for the SVD.
    /// Tall (m ≥ n): CᵀC = V·diag(s²)·Vᵀ, core C·V_r·diag(s_r)⁻¹ and carry diag(s_r)·V_rᵀ, so core × carry is the
    /// exact projection C·V_r·V_rᵀ; the core's columns are orthonormal to about eps·(s₀/s_{r−1})², so the rule
    /// here asks s_{r−1} ≥ max(64·sqrt(eps), eps^(1/4))·s₀ (that loss then stays below sqrt(eps)). Wide (m &lt; n):
    /// CCᵀ = U·diag(s²)·Uᵀ, core U_r and carry U_rᵀ·C, under the rule of <see cref="TtSvdTruncation.GramRankIsReliable"/>.
    /// </summary>
    internal static (Tensor Core, Tensor Carry)? GramStep(Tensor c, double delta, int cap)
    {
        bool tall = c.Size(0) >= c.Size(1);
        GramSvdResult gram = TN.Linalg.GramSvd(c, tall ? 1 : 0);
        double[] s = gram.S.ToArray<double>();
        int rank = TtSvdTruncation.Rank(s, delta, cap).Rank;
        double threshold = GramSvdResult.Threshold(c.DType);
        if (tall) threshold = Math.Max(threshold, Math.Sqrt(threshold / 64));
        if (s[0] == 0 || !TtSvdTruncation.GramRankIsReliable(s, rank, delta, threshold)) return null;
        Tensor basis = gram.U.Narrow(1, 0, rank);
        if (!tall) return (basis, TN.MatMul(basis.Transpose(0, 1), c));
        Tensor sigma = gram.S.Narrow(0, 0, rank);
        return (TN.MatMul(c, basis) / sigma, sigma.Reshape(rank, 1) * basis.Transpose(0, 1));
    }

    /// <summary>G ×₃ Lᵀ: the core G (a × n × b) with its right bond multiplied by L (b × c), as one GEMM (a·n × b)·(b × c).</summary>
    private static Tensor TimesLower(Tensor core, Tensor l)
    {
        int left = core.Size(0), n = core.Size(1);
        return TN.MatMul(core.Reshape(left * n, core.Size(2)), l).Reshape(left, n, l.Size(1));
    }

    /// <summary>C ×₁ G: the matrix C (a × b) absorbed into the left bond of G (b × n × c), as one GEMM (a × b)·(b × n·c).</summary>
    private static Tensor Absorb(Tensor carry, Tensor core)
    {
        int n = core.Size(1), right = core.Size(2);
        return TN.MatMul(carry, core.Reshape(core.Size(0), n * right)).Reshape(carry.Size(0), n, right);
    }
}
