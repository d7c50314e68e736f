namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// TT-SVD (Oseledets 2011, Algorithm 1): a dense tensor is split into a <see cref="TensorTrain"/> by sequential
/// truncated SVDs of its unfoldings. Each step discards the smallest singular values while the discarded tail
/// has Frobenius norm at most δ = ε‖T‖/sqrt(d−1), so with no binding rank cap ‖T − TT‖_F ≤ sqrt(d−1)·δ = ε‖T‖_F.
/// Computed in the input's dtype and not recorded for autodiff. A wide unfolding (at least twice as many columns
/// as rows) is split through its Gram matrix C·Cᵀ when that is accurate enough
/// (<see cref="TtSvdTruncation.GramRankIsReliable"/>: every kept singular value at least 64·sqrt(eps)·σ₀, and δ
/// either discards nothing or is at least sqrt(m)·64·sqrt(eps)·σ₀), and by an SVD otherwise.
/// </summary>
/// <example><code>
/// TensorTrain tt = TtSvd.Decompose(dense, relativeAccuracy: 1e-6);
/// TensorTrain capped = TtSvd.Decompose(dense, maxRanks: [1, 4, 4, 1]);
/// </code></example>
public static class TtSvd
{
    /// <summary>
    /// Decomposes <paramref name="tensor"/> (d modes) into a tensor train. Step k (k = 1..d−1) reshapes the
    /// remainder C to (r_{k-1}·n_k) × (Π_{j>k} n_j), takes C = U·diag(s)·Vᵀ, keeps the smallest rank r_k with
    /// sqrt(Σ_{i&gt;r_k} s_i²) ≤ δ = ε‖T‖_F/sqrt(d−1) (at least 1, at most the cap), stores U[:, :r_k] as core k and
    /// continues with diag(s)·Vᵀ restricted to r_k rows. The error satisfies ‖T − TT‖_F² ≤ Σ_k (discarded tail_k)²,
    /// which is ≤ ε²‖T‖_F² when no cap binds; a binding cap trades the ε guarantee for the rank.
    /// </summary>
    /// <param name="tensor">The dense tensor, float32 or float64, every extent at least 1.</param>
    /// <param name="relativeAccuracy">ε ≥ 0; 0 keeps every non-zero singular value (exact up to rounding).</param>
    /// <param name="maxRanks">Optional caps r_0..r_d (length d+1, boundary caps 1). A cap above what unfolding k
    /// allows, min(Π_{j≤k} n_j, Π_{j&gt;k} n_j), cannot bind and is clamped to that bound rather than refused.</param>
    /// <exception cref="ArgumentException">When the tensor has no modes or an extent of 0, or the caps have the wrong length or boundary.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When ε is negative or not finite, or a cap is below 1.</exception>
    /// <example><code>
    /// var planted = TensorTrain.Random(new Generator(1), [5, 6, 7, 6], [1, 3, 4, 3, 1]);
    /// TensorTrain tt = TtSvd.Decompose(planted.ToDense(), 1e-12); // tt.Ranks = [1, 3, 4, 3, 1]
    /// </code></example>
    public static TensorTrain Decompose(Tensor tensor, double relativeAccuracy = 0.0, IReadOnlyList<int>? maxRanks = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Order == 0)
            throw new ArgumentException("TtSvd.Decompose: the tensor is a scalar; a tensor train needs at least one mode.", nameof(tensor));
        int[] modes = tensor.Shape.ToArray();
        if (modes.Any(n => n < 1))
            throw new ArgumentException($"TtSvd.Decompose: the tensor has shape {tensor.Shape}; every mode size must be at least 1.", nameof(tensor));
        int[] caps = TtSvdTruncation.Caps("TtSvd.Decompose", relativeAccuracy, maxRanks, modes);
        using var _ = TN.NoGrad();
        int d = modes.Length;
        double delta = d > 1 ? relativeAccuracy * tensor.Norm().Item() / Math.Sqrt(d - 1) : 0;
        var cores = new Tensor[d];
        Tensor rest = tensor.Detach();
        int r = 1;
        for (int k = 0; k < d - 1; k++)
        {
            int rows = r * modes[k];
            Tensor c = rest.Reshape(rows, rest.ElementCount / rows);
            (Tensor u, rest) = c.Size(1) >= 2 * rows ? GramStep(c, delta, caps[k + 1]) ?? SvdStep(c, delta, caps[k + 1]) : SvdStep(c, delta, caps[k + 1]);
            int rank = u.Size(1);
            cores[k] = u.Reshape(r, modes[k], rank);
            r = rank;
        }
        cores[d - 1] = rest.Reshape(r, modes[d - 1], 1);
        return new TensorTrain(cores);
    }

    /// <summary>One step by the SVD C = U·diag(s)·Vᵀ: U[:, :r] and the remainder diag(s[:r])·Vᵀ[:r].</summary>
    private static (Tensor Core, Tensor Remainder) SvdStep(Tensor c, double delta, int cap)
    {
        var (u, s, vt) = TN.Linalg.Svd(c);
        int rank = TtSvdTruncation.Rank(s.ToArray<double>(), delta, cap).Rank;
        return (u.Narrow(1, 0, rank), s.Narrow(0, 0, rank).Reshape(rank, 1) * vt.Narrow(0, 0, rank));
    }

    /// <summary>One step of a wide C (m × n, n ≥ 2m) from its Gram matrix C·Cᵀ: U[:, :r] and the remainder
    /// U[:, :r]ᵀ·C (= diag(s)·Vᵀ restricted to r rows, one GEMM); null when the accuracy rule
    /// (<see cref="TtSvdTruncation.GramRankIsReliable"/>) asks for the SVD instead.</summary>
    private static (Tensor Core, Tensor Remainder)? GramStep(Tensor c, double delta, int cap)
    {
        GramSvdResult gram = TN.Linalg.GramSvd(c, 0);
        double[] s = gram.S.ToArray<double>();
        int rank = TtSvdTruncation.Rank(s, delta, cap).Rank;
        if (!TtSvdTruncation.GramRankIsReliable(s, rank, delta, GramSvdResult.Threshold(c.DType))) return null;
        Tensor u = gram.U.Narrow(1, 0, rank);
        return (u, TN.Einsum("ir,ij->rj", u, c));
    }
}
