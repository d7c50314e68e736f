namespace TensorNetworks;

/// <summary>Where the singular values go when a core is split.</summary>
public enum Absorb
{
    /// <summary>Into the left factor: A = (U·S)·Vᵀ; the right factor has orthonormal rows.</summary>
    Left,

    /// <summary>Into the right factor: A = U·(S·Vᵀ); the left factor has orthonormal columns.</summary>
    Right,

    /// <summary>Split evenly: A = (U·√S)·(√S·Vᵀ).</summary>
    Both,
}

/// <summary>Options for <see cref="TensorNetwork.Split"/>.</summary>
/// <param name="MaxRank">Keep at most this many singular values; null for no cap.</param>
/// <param name="Cutoff">Drop the smallest singular values while their relative discarded weight
/// Σ_dropped s² / Σ s² stays ≤ Cutoff. Values at or below the SVD's rounding level max(m, n)·eps·s₀ of the m × n
/// unfolding are dropped whatever the cutoff (NumPy's matrix_rank tolerance), so 0 keeps the numerical rank: a merged
/// bond-8 pair splits back to 8, not to 16 with noise.</param>
/// <param name="Absorb">Where the singular values go.</param>
/// <param name="BondName">Name of the new leg; null for "{core}-bond".</param>
/// <param name="LeftName">Name of the left core; null for "{core}L".</param>
/// <param name="RightName">Name of the right core; null for "{core}R".</param>
/// <param name="LeftOrder">The left core's axes as legs in order (its left legs and the bond, each once), e.g. to keep
/// the layout a core had before a merge; null for the left legs as given, then the bond.</param>
/// <param name="RightOrder">The right core's axes as legs in order (the bond and its right legs, each once); null for
/// the bond, then the right legs as given.</param>
/// <example><code>
/// net.Split("A1+A2", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(BondName: "b1-2", LeftOrder: ["b0-1", "b1-2", "p1"]));
/// </code></example>
public sealed record SplitOptions(int? MaxRank = null, double Cutoff = 0, Absorb Absorb = Absorb.Both,
    string? BondName = null, string? LeftName = null, string? RightName = null,
    IReadOnlyList<string>? LeftOrder = null, IReadOnlyList<string>? RightOrder = null)
{
    /// <summary>No truncation beyond the numerical rank, singular values split evenly.</summary>
    public static SplitOptions Default { get; } = new();
}

/// <summary>What a truncated split kept and discarded.</summary>
/// <param name="KeptRank">Extent of the new bond.</param>
/// <param name="DiscardedWeight">Σ_dropped s² / Σ s² (ITensor's truncation error); 0 when nothing was dropped.</param>
/// <param name="SingularValues">All singular values, descending.</param>
/// <param name="LeftCore">Name of the left core.</param>
/// <param name="RightCore">Name of the right core.</param>
/// <param name="BondName">Name of the new leg.</param>
public sealed record SplitReport(int KeptRank, double DiscardedWeight, double[] SingularValues, string LeftCore, string RightCore, string BondName);
