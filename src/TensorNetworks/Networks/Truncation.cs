namespace TensorNetworks;

/// <summary>The rank rule of truncated SVD shared by splits, TT-SVD and rounding.</summary>
internal static class Truncation
{
    /// <summary>
    /// The smallest r ≤ <paramref name="maxRank"/> with Σ_{i≥r} s_i² ≤ cutoff · Σ s_i² (at least 1), and the
    /// relative weight it discards. Values at or below <paramref name="noiseFloor"/> (and exact zeros) are always dropped;
    /// their weight counts in the discarded part.
    /// </summary>
    internal static (int Rank, double DiscardedWeight) Rank(double[] singular, int? maxRank, double cutoff, double noiseFloor = 0)
    {
        double total = singular.Sum(s => s * s);
        if (total == 0) return (1, 0);
        int rank = singular.Length;
        double tail = 0;
        while (rank > 1)
        {
            double s = singular[rank - 1], s2 = s * s;
            if (s > noiseFloor && tail + s2 > cutoff * total) break;
            tail += s2;
            rank--;
        }
        if (maxRank is int cap && rank > cap)
        {
            for (int i = cap; i < rank; i++) tail += singular[i] * singular[i];
            rank = cap;
        }
        return (rank, tail / total);
    }

    /// <summary>The level at or below which an SVD's singular values of an m × n matrix are rounding noise:
    /// max(m, n)·eps·σ₀, eps the machine epsilon of <paramref name="dtype"/> (the tolerance of NumPy's matrix_rank).</summary>
    internal static double NoiseFloor(double top, int rows, int columns, DType dtype) =>
        Math.Max(rows, columns) * dtype.MachineEpsilon() * top;
}
