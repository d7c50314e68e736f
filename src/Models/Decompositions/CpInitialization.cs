namespace TensorNetworks.Models.Decompositions;

/// <summary>How CP-ALS chooses its starting factors.</summary>
public enum CpInitialization
{
    /// <summary>Standard normal entries from a generator seeded with <see cref="CpAlsOptions.Seed"/>.</summary>
    Random,

    /// <summary>The leading R left singular vectors of each unfolding X₍ₖ₎; when R exceeds Iₖ, the missing
    /// columns are standard normal (seeded with <see cref="CpAlsOptions.Seed"/>).</summary>
    Hosvd,
}
