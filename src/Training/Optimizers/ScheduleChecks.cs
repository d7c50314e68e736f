namespace TensorNetworks.Training.Optimizers;

/// <summary>The argument check every <see cref="LearningRateSchedule"/> makes.</summary>
internal static class ScheduleChecks
{
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is negative.</exception>
    public static void RequireStep(long step, string kind)
    {
        if (step < 0)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"{kind}: step must be non-negative, got {step}.");
    }
}
