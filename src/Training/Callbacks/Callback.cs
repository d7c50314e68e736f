using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Observes a training run. The <see cref="Trainer"/> calls every callback, in the order given in
/// <see cref="TrainOptions.Callbacks"/>, at the start, after each step, after each epoch and at the end, with
/// one exception for callbacks that record the run (<see cref="RecordsTheRun"/>, such as
/// <see cref="CheckpointCallback"/>): after each step and each epoch they come after all the others, so what
/// they save includes every other callback's state for that step or epoch; at the end they come before all
/// the others, so what they save is the run's last state, before a callback such as
/// <see cref="EarlyStopping"/> with <c>restoreBest</c> puts other parameters back. Where a recording callback
/// stands in the list therefore never changes what it saves.
/// A callback stops the run with <see cref="TrainingRun.RequestStop"/>. A callback whose decisions depend
/// on what it has seen (a best value, a patience counter) overrides <see cref="GetState"/> and
/// <see cref="SetState"/>, so checkpoints carry that state and a resumed run decides as if it had not stopped.
/// </summary>
public abstract class Callback
{
    /// <summary>True for a callback that saves the run's state (a checkpoint): the trainer calls its
    /// <see cref="OnStepEnd"/> and <see cref="OnEpochEnd"/> after every other callback's, and its
    /// <see cref="OnTrainEnd"/> before every other callback's. Default false.</summary>
    public virtual bool RecordsTheRun => false;

    /// <summary>Before the first step, after the checkpoint of a resumed run has restored the model, the
    /// scheme and the position; reset per-run state here (<see cref="SetState"/> follows on a resume).</summary>
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
    /// <see cref="FitResult.StopReason"/> is <see cref="StopReason.Failed"/>). Callbacks that record the run
    /// are ended first; a callback that changes the parameters here (restoring a best epoch) therefore does
    /// not change what they save.</summary>
    public virtual void OnTrainEnd(TrainingRun run, FitResult result)
    {
    }

    /// <summary>The state a resumed run needs to continue this callback's decisions, or null (the default)
    /// for a callback that keeps none. Called whenever a checkpoint is taken (<see cref="TrainingRun.Snapshot"/>);
    /// return copies, not live tensors. The checkpoint stores it under the key <c>&lt;type name&gt;-&lt;n&gt;</c>,
    /// n counting the callbacks of this type in <see cref="TrainOptions.Callbacks"/> from 0, so a resumed run
    /// must list its stateful callbacks of one type in the same order.</summary>
    /// <example><code>
    /// public override OptimizerState? GetState()
    /// {
    ///     var state = new OptimizerState(nameof(BestTracker));
    ///     state.Scalars["best"] = _best;
    ///     return state;
    /// }
    /// </code></example>
    public virtual OptimizerState? GetState() => null;

    /// <summary>Restores a state taken by <see cref="GetState"/>. A resumed run calls it right after
    /// <see cref="OnTrainBegin"/> when the checkpoint holds a state under this callback's key; without one
    /// (a checkpoint of format version 1, or a callback added on resume) the callback starts afresh.</summary>
    /// <exception cref="ArgumentException">When the state belongs to another kind of callback.</exception>
    /// <example><code>public override void SetState(OptimizerState state) => _best = state.Scalars["best"];</code></example>
    public virtual void SetState(OptimizerState state)
    {
    }
}
