namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The rank rule of TT-SVD and TT rounding: keep the fewest leading singular values such that the discarded tail
/// has Frobenius norm sqrt(Σ_{i≥r} s_i²) ≤ δ, at least 1 and at most the cap. Values at or below the SVD's own
/// rounding level (<see cref="NoiseFloor"/>) are dropped whatever δ, so ε = 0 removes numerically redundant rank.
/// </summary>
internal static class TtSvdTruncation
{
    /// <summary>The rank kept from descending singular values <paramref name="singular"/> under threshold δ and cap,
    /// and the squared norm of what is discarded. Values s_i ≤ <paramref name="noiseFloor"/> are discarded first (their
    /// squares still count in the tail), as NumPy's matrix_rank does; pass <see cref="NoiseFloor"/> for values computed
    /// by an SVD, 0 for values whose noise is judged by another rule (the Gram route's).</summary>
    public static (int Rank, double DiscardedSquared) Rank(double[] singular, double delta, int cap, double noiseFloor = 0)
    {
        double budget = delta * delta, tail = 0;
        int rank = singular.Length;
        while (rank > 1 && singular[rank - 1] <= noiseFloor)
        {
            tail += singular[rank - 1] * singular[rank - 1];
            rank--;
        }
        while (rank > 1)
        {
            double s2 = singular[rank - 1] * singular[rank - 1];
            if (tail + s2 > budget) break;
            tail += s2;
            rank--;
        }
        for (int i = cap; i < rank; i++) tail += singular[i] * singular[i];
        return (Math.Min(rank, cap), tail);
    }

    /// <summary>
    /// The level at or below which an SVD's singular values of an m × n matrix are rounding noise:
    /// max(m, n)·eps·σ₀, with eps the machine epsilon of <paramref name="dtype"/> (NumPy's matrix_rank tolerance).
    /// </summary>
    /// <example><code>int r = TtSvdTruncation.Rank(s, 0, cap, TtSvdTruncation.NoiseFloor(s[0], 80, 40, DType.Float64)).Rank;</code></example>
    public static double NoiseFloor(double top, int rows, int columns, DType dtype) =>
        Math.Max(rows, columns) * dtype.MachineEpsilon() * top;

    /// <summary>
    /// Whether a rank chosen by <see cref="Rank"/> from m singular values computed through a Gram matrix can be
    /// trusted, given the Gram accuracy level τ (<see cref="GramSvdResult.Threshold"/>): the kept values must all
    /// be at least τ·σ₀ (<see cref="GramSvdResult.IsAccurate"/>), and the δ-rule must either discard nothing
    /// (σ_{m−1}² &gt; δ²) or have a budget δ ≥ sqrt(m)·τ·σ₀ well above the Gram's absolute error in the discarded
    /// σᵢ² (about m·eps·σ₀² in all). Values below τ·σ₀ are noise, so a rank that depends on them is not.
    /// </summary>
    public static bool GramRankIsReliable(double[] singular, int rank, double delta, double threshold)
    {
        double top = singular[0];
        if (singular[rank - 1] < threshold * top) return false;
        bool discardsNothing = singular[^1] > delta;
        return discardsNothing || delta >= Math.Sqrt(singular.Length) * threshold * top;
    }

    /// <summary>Checks ε (finite, non-negative) and the optional caps r_0..r_N (length N+1, each at least 1; the
    /// boundary caps must be 1) and returns the caps, clamped to what the unfoldings allow:
    /// r_k ≤ min(Π_{j≤k} n_j, Π_{j>k} n_j).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When ε is negative or not finite, or a cap is below 1.</exception>
    /// <exception cref="ArgumentException">When the cap list has the wrong length or its boundary caps are not 1.</exception>
    public static int[] Caps(string context, double relativeAccuracy, IReadOnlyList<int>? maxRanks, int[] modes)
    {
        if (!double.IsFinite(relativeAccuracy) || relativeAccuracy < 0)
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy, $"{context}: the relative accuracy ε must be finite and at least 0, got {relativeAccuracy}.");
        int d = modes.Length;
        int[] caps = maxRanks is null ? [.. Enumerable.Repeat(int.MaxValue, d + 1)] : TensorTrainChecks.Ranks(context, maxRanks, d, ring: false);
        caps[0] = caps[d] = 1;
        var sides = TensorTrainChecks.UnfoldingSides(modes);
        for (int k = 1; k < d; k++) caps[k] = (int)Math.Min(caps[k], Math.Min(sides[k].Left, sides[k].Right));
        return caps;
    }
}
