namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Step decay: η_t = η₀ · γ^⌊t / stepSize⌋, so the rate is multiplied by γ every
/// <see cref="StepSize"/> steps.
/// </summary>
/// <example><code>
/// var schedule = new StepSchedule(stepSize: 100, gamma: 0.5);
/// double rate = schedule.LearningRateAt(250, 0.1); // 0.1 · 0.5² = 0.025
/// </code></example>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <example><code>var halveEvery100 = new StepSchedule(stepSize: 100, gamma: 0.5);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="stepSize"/> is below 1 or
    /// <paramref name="gamma"/> is not positive and finite.</exception>
    public StepSchedule(int stepSize, double gamma)
    {
        if (stepSize < 1)
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, $"StepSchedule: stepSize must be at least 1, got {stepSize}.");
        if (!(gamma > 0) || !double.IsFinite(gamma))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"StepSchedule: gamma must be positive and finite, got {gamma}.");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Number of steps between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor γ applied at each decay.</summary>
    public double Gamma { get; }

    /// <summary>η₀ · γ^⌊t / stepSize⌋.</summary>
    /// <example><code>double rate = new StepSchedule(10, 0.1).LearningRateAt(25, 1.0); // 0.01</code></example>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public override double LearningRateAt(long step, double baseLearningRate)
    {
        ScheduleChecks.RequireStep(step, nameof(StepSchedule));
        return baseLearningRate * Math.Pow(Gamma, step / StepSize);
    }
}
