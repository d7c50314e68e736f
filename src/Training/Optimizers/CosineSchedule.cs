namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Cosine annealing from η₀ down to η_min over T steps: η_t = η_min + ½(η₀ − η_min)(1 + cos(π t / T))
/// for t ≤ T, and η_min after T.
/// </summary>
/// <remarks>With the default η_min = 0 the rate reaches 0 at t = T and stays there. An <see cref="Optimizer"/>
/// accepts a rate of 0 (it refuses only negative or non-finite rates), so steps after T leave the parameters
/// as they are; give a positive <c>minLearningRate</c> to keep learning after T. Unlike PyTorch's
/// CosineAnnealingLR, the rate does not climb back after T.</remarks>
/// <example><code>
/// var schedule = new CosineSchedule(totalSteps: 1000, minLearningRate: 1e-5);
/// double rate = schedule.LearningRateAt(500, 1e-3); // 1e-5 + ½(1e-3 − 1e-5) = 5.05e-4
/// </code></example>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <example><code>var cosine = new CosineSchedule(totalSteps: 5000, minLearningRate: 1e-6);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="totalSteps"/> is below 1 or
    /// <paramref name="minLearningRate"/> is negative or not finite.</exception>
    public CosineSchedule(long totalSteps, double minLearningRate = 0)
    {
        if (totalSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"CosineSchedule: totalSteps must be at least 1, got {totalSteps}.");
        if (!(minLearningRate >= 0) || !double.IsFinite(minLearningRate))
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, $"CosineSchedule: minLearningRate must be non-negative and finite, got {minLearningRate}.");
        TotalSteps = totalSteps;
        MinLearningRate = minLearningRate;
    }

    /// <summary>The length T of the annealing.</summary>
    public long TotalSteps { get; }

    /// <summary>The final rate η_min.</summary>
    public double MinLearningRate { get; }

    /// <summary>η_min + ½(η₀ − η_min)(1 + cos(π t / T)) for t ≤ T, else η_min.</summary>
    /// <example><code>double rate = new CosineSchedule(100).LearningRateAt(50, 0.1); // 0.05</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public override double LearningRateAt(long step, double baseLearningRate)
    {
        ScheduleChecks.RequireStep(step, nameof(CosineSchedule));
        if (step >= TotalSteps) return MinLearningRate;
        return MinLearningRate + 0.5 * (baseLearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * step / TotalSteps));
    }
}
