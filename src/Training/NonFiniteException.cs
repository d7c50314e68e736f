namespace TensorNetworks.Training;

/// <summary>
/// Thrown when training meets a NaN or infinite value (<see cref="TrainOptions.StopOnNonFinite"/>), in one
/// of three places:
/// <list type="bullet">
/// <item>the loss at the parameters a step starts from (the step's first
/// <see cref="Schemes.StepContext.LossAndGradients"/>, before the scheme changed anything): the step is not applied, so the parameters and the scheme's state keep the values the step
/// started from (<see cref="UpdateApplied"/> is false, <see cref="ParameterName"/> null);</item>
/// <item>a parameter after the update (<see cref="ParameterName"/> names the first one, in registration order);</item>
/// <item>the loss a scheme evaluates after its update (alternating, multiplicative and sweep schemes), the
/// parameters being finite.</item>
/// </list>
/// Callbacks do not see the step, and the last checkpoint written before it is intact.
/// </summary>
/// <example><code>
/// try { Trainer.Fit(model, loader, objective, scheme); }
/// catch (NonFiniteException e) when (!e.UpdateApplied) { Console.WriteLine($"bad batch at step {e.Step}"); }
/// </code></example>
public sealed class NonFiniteException : Exception
{
    private NonFiniteException(long step, string? parameterName, double loss, bool updateApplied, string message)
        : base(message)
    {
        Step = step;
        ParameterName = parameterName;
        Loss = loss;
        UpdateApplied = updateApplied;
    }

    /// <summary>The step (0-based) that met the non-finite value.</summary>
    public long Step { get; }

    /// <summary>The dotted path of the first non-finite parameter, or null when the loss is the non-finite value.</summary>
    public string? ParameterName { get; }

    /// <summary>The step's loss value.</summary>
    public double Loss { get; }

    /// <summary>Whether the step's update had been applied: false when the loss at the step's starting
    /// parameters was non-finite and the step stopped before changing anything.</summary>
    public bool UpdateApplied { get; }

    /// <summary>The loss at the parameters step <paramref name="step"/> starts from is non-finite; nothing was updated.</summary>
    internal static NonFiniteException LossBeforeUpdate(long step, double loss) => new(step, null, loss, updateApplied: false,
        $"Training stopped at step {step} (0-based; {step} steps had completed): the loss is {loss} before the update, so the step was not applied and the parameters " +
        "keep the values it started from. Check the batch and the objective for NaN/infinite values, or lower the learning rate if the loss was growing.");

    /// <summary>Step <paramref name="step"/>'s update of a loss <paramref name="loss"/> made <paramref name="parameterName"/> non-finite.</summary>
    internal static NonFiniteException ParameterAfterUpdate(long step, string parameterName, double loss) => new(step, parameterName, loss, updateApplied: true,
        $"Training stopped at step {step} (0-based; {step} steps had completed): the update made parameter \"{parameterName}\" non-finite (the step's loss was {loss}). Lower the learning rate or clip gradients.");

    /// <summary>The loss a scheme evaluated after updating at step <paramref name="step"/> is non-finite; the parameters are finite.</summary>
    internal static NonFiniteException LossAfterUpdate(long step, double loss) => new(step, null, loss, updateApplied: true,
        $"Training stopped at step {step} (0-based; {step} steps had completed): the loss after the update is {loss} although every parameter is finite. Check the batch and the objective for NaN/infinite values.");
}
