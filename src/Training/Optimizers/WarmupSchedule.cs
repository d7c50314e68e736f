namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Linear warm-up followed by another schedule: η_t = η₀ (t + 1) / W for t &lt; W, then the inner
/// schedule's rate at step t − W (η₀ itself when there is no inner schedule).
/// </summary>
/// <example><code>
/// var schedule = new WarmupSchedule(warmupSteps: 100, then: new CosineSchedule(totalSteps: 900, minLearningRate: 1e-5));
/// double first = schedule.LearningRateAt(0, 1e-3); // 1e-5
/// </code></example>
public sealed class WarmupSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <example><code>var warmup = new WarmupSchedule(warmupSteps: 500);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="warmupSteps"/> is below 1.</exception>
    public WarmupSchedule(long warmupSteps, LearningRateSchedule? then = null)
    {
        if (warmupSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, $"WarmupSchedule: warmupSteps must be at least 1, got {warmupSteps}.");
        WarmupSteps = warmupSteps;
        Then = then;
    }

    /// <summary>The length W of the ramp.</summary>
    public long WarmupSteps { get; }

    /// <summary>The schedule after the ramp, started at its step 0, or null for a constant η₀.</summary>
    public LearningRateSchedule? Then { get; }

    /// <summary>η₀ (t + 1) / W for t &lt; W, else the inner schedule at t − W (or η₀).</summary>
    /// <example><code>double rate = new WarmupSchedule(4).LearningRateAt(1, 0.1); // 0.05</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public override double LearningRateAt(long step, double baseLearningRate)
    {
        ScheduleChecks.RequireStep(step, nameof(WarmupSchedule));
        if (step < WarmupSteps) return baseLearningRate * (step + 1) / WarmupSteps;
        return Then?.LearningRateAt(step - WarmupSteps, baseLearningRate) ?? baseLearningRate;
    }
}
