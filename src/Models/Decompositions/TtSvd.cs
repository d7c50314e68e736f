namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// TT-SVD (Oseledets 2011, Algorithm 1): a dense tensor is split into a <see cref="TensorTrain"/> by sequential
/// truncated SVDs of its unfoldings. Each step discards the smallest singular values while the discarded tail
/// has Frobenius norm at most δ = ε‖T‖/sqrt(d−1), so with no binding rank cap ‖T − TT‖_F ≤ sqrt(d−1)·δ = ε‖T‖_F.
/// Computed in the input's dtype and not recorded for autodiff. A wide unfolding (at least twice as many columns
/// as rows) is split through its Gram matrix C·Cᵀ when that is accurate enough
/// (<see cref="TtSvdTruncation.GramRankIsReliable"/>: every kept singular value at least 64·sqrt(eps)·σ₀, and δ
/// either discards nothing or is at least sqrt(m)·64·sqrt(eps)·σ₀); a tall one through its float64 Gram matrix CᵀC and a
/// QR of C·V_r (<see cref="TallGram"/>), one in between through TT rounding's wide cut; each by an SVD when its rule fails.
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
    /// <param name="relativeAccuracy">ε ≥ 0; 0 keeps every singular value above max(m, n)·eps·σ₀ of its m × n
    /// unfolding (NumPy's matrix_rank tolerance), so exact low TT-rank is found. That level grows with the unfolding:
    /// 5.8e-11·σ₀ for a 4 × 4⁹ one, and a genuine singular value below it is dropped with the rounding noise (the
    /// error is then at most that level times the square root of the number dropped).</param>
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
        double delta = d > 1 && relativeAccuracy > 0 ? relativeAccuracy * tensor.Norm().Item() / Math.Sqrt(d - 1) : 0;
        var cores = new Tensor[d];
        var rest = new Remainder(tensor.Detach(), null);
        int r = 1;
        for (int k = 0; k < d - 1; k++)
        {
            int rows = r * modes[k];
            Tensor u;
            (u, rest) = rest.Columns(rows) >= 2 * rows
                ? GramStep(rest, modes[k], rows, delta, caps[k + 1]) ?? SvdStep(rest.Materialize(modes[k], rows), delta, caps[k + 1])
                : NarrowStep(rest.Materialize(modes[k], rows), delta, caps[k + 1]);
            int rank = u.Size(1);
            cores[k] = u.Reshape(r, modes[k], rank);
            r = rank;
        }
        cores[d - 1] = rest.Materialize(modes[d - 1], r * modes[d - 1]).Reshape(r, modes[d - 1], 1);
        return new TensorTrain(cores);
    }

    /// <summary>
    /// One step of an unfolding with fewer than twice as many columns as rows. Tall (m ≥ n): the float64 Gram matrix CᵀC
    /// gives V and σ, the core is orth(C·V_r) (<see cref="TallGram"/>) and the remainder its transpose times C. Between
    /// square and twice as wide: TT rounding's wide cut (<see cref="TtRounding.GramStep"/>). Each falls back to the SVD
    /// when its accuracy rule fails.
    /// </summary>
    private static (Tensor Core, Remainder Next) NarrowStep(Tensor c, double delta, int cap)
    {
        if (c.Size(0) < c.Size(1))
            return TtRounding.GramStep(c, delta, cap) is var (core, carry) ? (core, new Remainder(carry, null)) : SvdStep(c, delta, cap);
        GramSvdResult right = TallGram.RightFactors(c, "TtSvd.Decompose");
        double[] s = right.S.ToArray<double>();
        int rank = TtSvdTruncation.Rank(s, delta, cap).Rank;
        if (s[0] == 0 || !TtSvdTruncation.GramRankIsReliable(s, rank, delta, GramSvdResult.Threshold(DType.Float64))) return SvdStep(c, delta, cap);
        Tensor u = TallGram.LeftVectors(c, right.U, rank);
        return (u, new Remainder(TN.MatMul(u.Transpose(0, 1), c), null));
    }

    /// <summary>One step by the SVD (<see cref="TtRounding.SvdStep"/>): U[:, :r] and the remainder diag(s[:r])·Vᵀ[:r].</summary>
    private static (Tensor Core, Remainder Next) SvdStep(Tensor c, double delta, int cap)
    {
        var (core, carry) = TtRounding.SvdStep(c, delta, cap);
        return (core, new Remainder(carry, null));
    }

    /// <summary>
    /// One step of a wide C = (P ⊗ I)·S (m × n, n ≥ 2m, with S the stored data reshaped to m × n) from its Gram matrix
    /// C·Cᵀ = (P ⊗ I)·S·Sᵀ·(P ⊗ I)ᵀ: U[:, :r], and as remainder U[:, :r]ᵀ·(P ⊗ I)·S (one GEMM; = diag(s)·Vᵀ restricted to
    /// r rows). A step that keeps every row (r = m) only rotates C, so it defers the product: the remainder is S
    /// itself with the rotation U[:, :r]ᵀ·(P ⊗ I) pending, and the next step reads S again instead of a rotated copy.
    /// Null when the accuracy rule (<see cref="TtSvdTruncation.GramRankIsReliable"/>) asks for the SVD instead.
    /// </summary>
    private static (Tensor Core, Remainder Next)? GramStep(Remainder rest, int modeSize, int rows, double delta, int cap)
    {
        Tensor data = rest.Data.Reshape(rows, rest.Columns(rows));
        Tensor? lift = rest.Lift(modeSize);
        Tensor gram = TN.Linalg.Gram(data, 0);
        if (lift is not null) gram = TN.MatMul(TN.MatMul(lift, gram), lift.Transpose(0, 1));
        if (!gram.AllFinite())
            throw new ArgumentException($"TtSvd.Decompose: the Gram matrix of a {rows}-row unfolding is not finite: the tensor has a NaN or infinite entry, or entries so large that their squares overflow; clean or rescale it first.");
        GramSvdResult svd = TN.Linalg.SvdFromGram(gram);
        double[] s = svd.S.ToArray<double>();
        int rank = TtSvdTruncation.Rank(s, delta, cap).Rank;
        if (!TtSvdTruncation.GramRankIsReliable(s, rank, delta, GramSvdResult.Threshold(data.DType))) return null;
        Tensor u = svd.U.Narrow(1, 0, rank);
        Tensor rotation = u.Transpose(0, 1);
        if (lift is not null) rotation = TN.MatMul(rotation, lift);
        return rank == rows ? (u, new Remainder(rest.Data, rotation)) : (u, new Remainder(TN.MatMul(rotation, data), null));
    }

    /// <summary>
    /// What is left to decompose after a step: the r × (rest) matrix Rotation·Data, with Data as stored (any shape of
    /// the right size) and Rotation an r × r orthogonal matrix, or null for the identity.
    /// </summary>
    private readonly record struct Remainder(Tensor Data, Tensor? Rotation)
    {
        /// <summary>The columns of the next unfolding, which has <paramref name="rows"/> = r·nₖ rows.</summary>
        public int Columns(int rows) => Data.ElementCount / rows;

        /// <summary>Rotation ⊗ I_nₖ, which maps the data's unfolding (r·nₖ rows) to the next unfolding; null for none.</summary>
        public Tensor? Lift(int modeSize) => Rotation is null ? null : TN.Kron(Rotation, TN.Eye(modeSize, dtype: Rotation.DType));

        /// <summary>The next unfolding (Rotation ⊗ I)·Data as an r·nₖ × (rest) matrix.</summary>
        public Tensor Materialize(int modeSize, int rows)
        {
            Tensor data = Data.Reshape(rows, Columns(rows));
            Tensor? lift = Lift(modeSize);
            return lift is null ? data : TN.MatMul(lift, data);
        }
    }
}
