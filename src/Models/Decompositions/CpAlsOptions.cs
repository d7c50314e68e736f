using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Models.Decompositions;

/// <summary>Settings of <see cref="CpAls.Fit"/>. Every property has a documented default.</summary>
/// <example><code>
/// var options = new CpAlsOptions { MaxIterations = 500, Tolerance = 1e-12, Initialization = CpInitialization.Hosvd };
/// CpAlsResult result = CpAls.Fit(x, rank: 3, options);
/// </code></example>
public sealed record CpAlsOptions
{
    /// <summary>Maximum number of sweeps (each updates every factor once). Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the fit 1 − ‖X − X̂‖/‖X‖ changes by less than this between two consecutive sweeps.
    /// Default 1e-8; 0 runs all <see cref="MaxIterations"/> sweeps unless the fit stops changing exactly.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>How the factors start. Default <see cref="CpInitialization.Random"/>.</summary>
    public CpInitialization Initialization { get; init; } = CpInitialization.Random;

    /// <summary>Seed of the generator that draws random starting factors (or columns). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Extra callbacks handed to the <see cref="Training.Trainer"/> (progress display, logging);
    /// they see one epoch per sweep with the squared error as its loss. Default: none.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];
}
