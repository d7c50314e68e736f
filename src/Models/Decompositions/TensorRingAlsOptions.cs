namespace TensorNetworks.Models.Decompositions;

/// <summary>Settings of <see cref="TensorRingAls.Fit"/>. Every property has a documented default.</summary>
/// <example><code>
/// var options = new TensorRingAlsOptions { MaxSweeps = 300, TargetError = 1e-8, Seed = 7 };
/// </code></example>
public sealed record TensorRingAlsOptions
{
    /// <summary>Most sweeps (one sweep solves every core once). Default 200.</summary>
    public int MaxSweeps { get; init; } = 200;

    /// <summary>Stop when a sweep lowers the relative error by less than this fraction of the previous sweep's
    /// error: (e_prev − e) / e_prev &lt; tolerance. 0 turns the rule off. Default 1e-10.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Stop as soon as the relative error ‖T − ring‖/‖T‖ is at most this. 0 turns the rule off. Default 0.</summary>
    public double TargetError { get; init; }

    /// <summary>Seed of the random initial cores (normal entries scaled by 1/sqrt(max(r_{k-1}, r_k))). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Fits from this many starts, seeded <see cref="Seed"/>, Seed + 1, ..., and keeps the one with the lowest final
    /// error; with <see cref="TargetError"/> set, it stops at the first start that reaches it. Default 1.</summary>
    public int Starts { get; init; } = 1;

    /// <summary>Throws unless every value is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="Starts"/> or <see cref="MaxSweeps"/> is below 1, or <see cref="Tolerance"/>
    /// or <see cref="TargetError"/> is negative or not finite; the message shows the value.</exception>
    internal void Check()
    {
        if (Starts < 1)
            throw new ArgumentOutOfRangeException(nameof(Starts), Starts, $"TensorRingAls: Starts must be at least 1, got {Starts}.");
        if (MaxSweeps < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxSweeps), MaxSweeps, $"TensorRingAls: MaxSweeps must be at least 1, got {MaxSweeps}.");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"TensorRingAls: Tolerance must be finite and at least 0, got {Tolerance}.");
        if (!double.IsFinite(TargetError) || TargetError < 0)
            throw new ArgumentOutOfRangeException(nameof(TargetError), TargetError, $"TensorRingAls: TargetError must be finite and at least 0, got {TargetError}.");
    }
}
