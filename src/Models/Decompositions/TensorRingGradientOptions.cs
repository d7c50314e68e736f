namespace TensorNetworks.Models.Decompositions;

/// <summary>Settings of <see cref="TensorRingGradient.Fit"/>. Every property has a documented default.</summary>
/// <example><code>
/// var options = new TensorRingGradientOptions { MaxSteps = 100, Seed = 3 };
/// </code></example>
public sealed record TensorRingGradientOptions
{
    /// <summary>Most L-BFGS steps (each runs up to <see cref="IterationsPerStep"/> iterations). Default 50.</summary>
    public int MaxSteps { get; init; } = 50;

    /// <summary>L-BFGS iterations per step. Default 20.</summary>
    public int IterationsPerStep { get; init; } = 20;

    /// <summary>Stop when a step lowers the squared relative error by less than this fraction. 0 turns the rule off. Default 1e-12.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Seed of the random initial cores (the same start as <see cref="TensorRingAls"/>). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Fits from this many starts, seeded <see cref="Seed"/>, Seed + 1, ..., and keeps the one with the lowest final
    /// error. Default 1.</summary>
    public int Starts { get; init; } = 1;

    /// <summary>Throws unless every value is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a count is below 1 or the tolerance is negative or not finite.</exception>
    internal void Check()
    {
        if (Starts < 1)
            throw new ArgumentOutOfRangeException(nameof(Starts), Starts, $"TensorRingGradient: Starts must be at least 1, got {Starts}.");
        if (MaxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxSteps), MaxSteps, $"TensorRingGradient: MaxSteps must be at least 1, got {MaxSteps}.");
        if (IterationsPerStep < 1)
            throw new ArgumentOutOfRangeException(nameof(IterationsPerStep), IterationsPerStep, $"TensorRingGradient: IterationsPerStep must be at least 1, got {IterationsPerStep}.");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"TensorRingGradient: Tolerance must be finite and at least 0, got {Tolerance}.");
    }
}
