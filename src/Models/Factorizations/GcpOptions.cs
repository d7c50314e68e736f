using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Models.Factorizations;

/// <summary>Settings of <see cref="Gcp.Fit"/>. Every property has a documented default.</summary>
/// <example><code>
/// var options = new GcpOptions { Seed = 7, MaxEpochs = 200, Weights = mask };
/// GcpResult r = Gcp.Fit(x, rank: 3, GcpLoss.Gaussian, options);
/// </code></example>
public sealed record GcpOptions
{
    /// <summary>Seed of the starting factors and of the sampler. Default 0. Starting factors are standard normal
    /// for unbounded losses and uniform on [0, 1) for losses with m ≥ 0; for identity-link losses all factors are
    /// then scaled by one common factor so that ‖W ⊛ M‖ = ‖W ⊛ X‖.</summary>
    public ulong Seed { get; init; }

    /// <summary>Number of epochs. Default 100. A full-batch epoch is one L-BFGS step of up to
    /// <see cref="LbfgsIterations"/> iterations (or one Adam step); a sampled epoch is
    /// <see cref="GcpSamplingOptions.BatchesPerEpoch"/> Adam steps.</summary>
    public int MaxEpochs { get; init; } = 100;

    /// <summary>The optimizer. Default <see cref="GcpOptimizer.Auto"/> (L-BFGS full batch, Adam sampled).</summary>
    public GcpOptimizer Optimizer { get; init; } = GcpOptimizer.Auto;

    /// <summary>The learning rate: L-BFGS's initial step length η, or Adam's rate. Default null: 1 for L-BFGS,
    /// 1e-3 for Adam (pyttb's gcp_opt default).</summary>
    public double? LearningRate { get; init; }

    /// <summary>L-BFGS iterations per epoch. Default 10.</summary>
    public int LbfgsIterations { get; init; } = 10;

    /// <summary>L-BFGS stops iterating once max|∂F/∂θ| is at most this. Default 1e-9.</summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Sampled (stochastic) gradients, or null to use the whole tensor at every step. Default null.</summary>
    public GcpSamplingOptions? Sampling { get; init; }

    /// <summary>Entry weights W of the data's shape (a 0/1 mask marks missing entries), or null for all ones. Default null.</summary>
    public Tensor? Weights { get; init; }

    /// <summary>Extra callbacks handed to the <see cref="Training.Trainer"/>. Default: none.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];
}
