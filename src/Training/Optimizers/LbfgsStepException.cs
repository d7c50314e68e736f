using System.Globalization;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Thrown by <see cref="Lbfgs.Step"/> when even steepest descent cannot move: with
/// <see cref="LbfgsLineSearch.None"/> its fixed trial step gives a NaN or infinite loss; with
/// <see cref="LbfgsLineSearch.StrongWolfe"/> the search finds no point that lowers the loss enough although
/// the slope says it should (a learning rate far too large for the loss, or gradients that do not belong to
/// it). The parameters and their gradients are left at the last point the step accepted, so
/// <see cref="Trainer.Fit"/> ends with <see cref="StopReason.Failed"/> and the last checkpoint is good.
/// </summary>
/// <example><code>
/// try { lbfgs.Step(closure); }
/// catch (LbfgsStepException e) { lbfgs.LearningRate = e.LearningRate / 10; }
/// </code></example>
public sealed class LbfgsStepException : Exception
{
    private LbfgsStepException(long step, double loss, double learningRate, LbfgsLineSearch lineSearch, string message)
        : base(message)
    {
        Step = step;
        Loss = loss;
        LearningRate = learningRate;
        LineSearch = lineSearch;
    }

    /// <summary>The optimizer's step (0-based, <see cref="Optimizer.StepCount"/>) that failed.</summary>
    public long Step { get; }

    /// <summary>The loss at the point the failed move started from, where the parameters are left.</summary>
    public double Loss { get; }

    /// <summary>The learning rate of the failed step.</summary>
    public double LearningRate { get; }

    /// <summary>The line search of the failed step.</summary>
    public LbfgsLineSearch LineSearch { get; }

    /// <summary>The fixed steepest-descent trial of step length <paramref name="trialStep"/> gave <paramref name="trialLoss"/>.</summary>
    internal static LbfgsStepException NonFiniteTrial(long step, double loss, double learningRate, double trialStep, double trialLoss) =>
        new(step, loss, learningRate, LbfgsLineSearch.None,
            $"Lbfgs: step {step} cannot move from the loss {Text(loss)}: the steepest-descent trial of length {Text(trialStep)} " +
            $"(learningRate = {Text(learningRate)}, scaled by min(1, 1/‖∇f‖₁)) gives a loss of {Text(trialLoss)}, and LbfgsLineSearch.None " +
            "takes no shorter step. The parameters stay where the step started; lower learningRate, or use LbfgsLineSearch.StrongWolfe, " +
            "which shortens the step until the loss is finite and decreases.");

    /// <summary>The strong-Wolfe search along steepest descent, of slope <paramref name="slope"/>, found no acceptable point.</summary>
    internal static LbfgsStepException NoDecrease(long step, double loss, double learningRate, double slope, double bestTrialLoss) =>
        new(step, loss, learningRate, LbfgsLineSearch.StrongWolfe,
            $"Lbfgs: step {step} cannot move from the loss {Text(loss)}: the strong-Wolfe line search along steepest descent " +
            $"(slope {Text(slope)}, first trial scaled from learningRate = {Text(learningRate)}) found no point that lowers the loss enough; " +
            $"the lowest finite trial gave {Text(bestTrialLoss)}. The parameters stay where the step started. Check that the gradients " +
            "belong to the loss (a detached or mis-signed term), or lower learningRate if the loss is finite only near the start.");

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
