namespace TensorNetworks.Training.Callbacks;

/// <summary>Settings of a <see cref="ProgressDisplay"/>. Every property has a documented default.</summary>
/// <example><code>
/// var display = new ProgressDisplay(new ProgressDisplayOptions { Mode = ProgressMode.Lines, LineEverySteps = 100 });
/// </code></example>
public sealed class ProgressDisplayOptions
{
    /// <summary>Live display or plain lines. Default <see cref="ProgressMode.Auto"/>.</summary>
    public ProgressMode Mode { get; init; } = ProgressMode.Auto;

    /// <summary>In plain-line mode, print a line after every step whose completed-step count is a multiple
    /// of this. Default null: the 1-2-5 number (1, 2, 5, 10, 20, ...) nearest above 1/20 of the steps this
    /// call will run, so a run prints about twenty step lines whatever its length.</summary>
    public long? LineEverySteps { get; init; }

    /// <summary>The smoothing factor β of the smoothed loss, s = m / (1 − βⁿ) with m ← β·m + (1 − β)·loss;
    /// must be in [0, 1). Default 0.98 (about the last 50 steps).</summary>
    public double Smoothing { get; init; } = 0.98;

    /// <summary>How often the live display is redrawn; steps in between only update counters. Default 200 ms.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a value is out of range; the message names it.</exception>
    internal void Check()
    {
        if (LineEverySteps is < 1)
            throw new ArgumentOutOfRangeException(nameof(LineEverySteps), LineEverySteps, $"ProgressDisplay: LineEverySteps must be at least 1 (or null for automatic), got {LineEverySteps}.");
        if (!(Smoothing >= 0 && Smoothing < 1))
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, $"ProgressDisplay: Smoothing must be in [0, 1), got {Smoothing}; 0.98 averages about the last 50 steps.");
        if (RefreshInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RefreshInterval), RefreshInterval, $"ProgressDisplay: RefreshInterval must be positive, got {RefreshInterval}.");
    }

    /// <summary>The step-line interval for a call that runs <paramref name="steps"/> steps.</summary>
    internal long LineIntervalFor(long steps)
    {
        if (LineEverySteps is { } every) return every;
        double target = Math.Max(1, steps / 20.0);
        for (long decade = 1; ; decade *= 10)
            foreach (long m in (ReadOnlySpan<long>)[1, 2, 5])
                if (m * decade >= target) return m * decade;
    }
}
