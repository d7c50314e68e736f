namespace TensorNetworks.Models.Factorizations;

/// <summary>How a <see cref="GcpSampler"/> draws the entries of a sample.</summary>
public enum GcpSampling
{
    /// <summary>Every observed entry with the same probability (with replacement); each drawn entry is weighted
    /// by its weight times (observed count) / S.</summary>
    Uniform,

    /// <summary>Half of the sample (rounded up) uniformly from the observed non-zero entries, the rest from the
    /// observed zeros, each stratum weighted by its size over its sample count: for sparse count or binary
    /// data, where uniform samples would hold almost only zeros. When a stratum is empty the whole sample
    /// comes from the other.</summary>
    Stratified,
}
