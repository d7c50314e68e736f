namespace TensorNetworks;

/// <summary>The rank rule of truncated SVD shared by splits, TT-SVD and rounding.</summary>
internal static class Truncation
{
    /// <summary>
    /// The smallest r ≤ <paramref name="maxRank"/> with Σ_{i≥r} s_i² ≤ cutoff · Σ s_i² (at least 1), and the
    /// relative weight it discards. Exact zeros are always dropped.
    /// </summary>
    internal static (int Rank, double DiscardedWeight) Rank(double[] singular, int? maxRank, double cutoff)
    {
        double total = singular.Sum(s => s * s);
        if (total == 0) return (1, 0);
        int rank = singular.Length;
        double tail = 0;
        while (rank > 1)
        {
            double s2 = singular[rank - 1] * singular[rank - 1];
            if (s2 != 0 && tail + s2 > cutoff * total) break;
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
}
