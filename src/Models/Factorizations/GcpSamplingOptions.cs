namespace TensorNetworks.Models.Factorizations;

/// <summary>Settings of stochastic (sampled) GCP fits. Every property has a documented default.</summary>
/// <example><code>
/// var sampling = new GcpSamplingOptions { Kind = GcpSampling.Stratified, SamplesPerBatch = 2000, BatchesPerEpoch = 50 };
/// GcpResult r = Gcp.Fit(counts, rank: 4, GcpLoss.PoissonLog, new GcpOptions { Sampling = sampling });
/// </code></example>
public sealed record GcpSamplingOptions
{
    /// <summary>How entries are drawn. Default <see cref="GcpSampling.Uniform"/>.</summary>
    public GcpSampling Kind { get; init; } = GcpSampling.Uniform;

    /// <summary>Entries S per batch (one optimizer step each). Default 1000.</summary>
    public int SamplesPerBatch { get; init; } = 1000;

    /// <summary>Batches per epoch. Default 100.</summary>
    public int BatchesPerEpoch { get; init; } = 100;
}
