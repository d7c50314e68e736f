namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Observes a training run. The <see cref="Trainer"/> calls every callback, in the order given in
/// <see cref="TrainOptions.Callbacks"/>, at the start, after each step, after each epoch and at the end.
/// A callback stops the run with <see cref="TrainingRun.RequestStop"/>.
/// </summary>
public abstract class Callback
{
    /// <summary>Before the first step (after a resumed checkpoint has been restored).</summary>
    public virtual void OnTrainBegin(TrainingRun run)
    {
    }

    /// <summary>After each step whose loss and parameters are finite.</summary>
    public virtual void OnStepEnd(TrainingRun run, StepRecord step)
    {
    }

    /// <summary>After each epoch, with its mean loss and validation metrics.</summary>
    public virtual void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
    }

    /// <summary>At the end of the run, however it ended (also when it failed; then
    /// <see cref="FitResult.StopReason"/> is <see cref="StopReason.Failed"/>).</summary>
    public virtual void OnTrainEnd(TrainingRun run, FitResult result)
    {
    }
}
