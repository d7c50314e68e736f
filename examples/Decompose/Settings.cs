using TensorNetworks;

/// <summary>What to decompose and how, as parsed from the command line.</summary>
/// <param name="NpyPath">A .npy file to decompose, or null for the Fashion-MNIST training images.</param>
/// <param name="Samples">Keep only the first N slices along mode 0 (images), or null for all.</param>
/// <param name="DType">The dtype every decomposition runs in.</param>
/// <param name="CpRank">CP-ALS rank R.</param>
/// <param name="CpIterations">Most CP-ALS sweeps.</param>
/// <param name="CpSeed">Seed of CP-ALS's random starting factors.</param>
/// <param name="TuckerRanks">Tucker ranks, one per mode, or null to use the shared rank on every mode.</param>
/// <param name="TuckerAlgorithm">HOSVD or sequentially truncated HOSVD.</param>
/// <param name="TtEpsilon">TT-SVD relative accuracy ε.</param>
/// <param name="TtMaxRank">TT-SVD cap on every inner rank.</param>
/// <param name="SharedRank">The rank used where no method-specific rank is given (Tucker modes).</param>
internal sealed record Settings(
    string? NpyPath, int? Samples, DType DType,
    int CpRank, int CpIterations, ulong CpSeed,
    int[]? TuckerRanks, TuckerAlgorithm TuckerAlgorithm,
    double TtEpsilon, int TtMaxRank, int SharedRank)
{
    /// <summary>The Tucker ranks for a tensor of <paramref name="shape"/>: the given ones, or the shared rank
    /// clamped to each extent.</summary>
    public int[] TuckerRanksFor(Shape shape) => TuckerRanks ?? [.. shape.Select(d => Math.Min(d, SharedRank))];
}

/// <summary>Which HOSVD variant fits the Tucker model.</summary>
internal enum TuckerAlgorithm
{
    /// <summary>Sequentially truncated HOSVD (each SVD on the already projected tensor).</summary>
    StHosvd,

    /// <summary>The truncated HOSVD (every mode's SVD on the full tensor).</summary>
    Hosvd,
}
