using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training;

/// <summary>
/// Everything needed to resume a run exactly: parameter values by dotted path, the scheme's optimizer
/// state, the position (steps done, epoch, batches done within it), what the loop has summed of the epoch
/// in progress and remembers of the last one, the generator state, and the states of the callbacks that
/// keep one. The checkpoint writer stores it as one safetensors file.
/// </summary>
/// <example><code>
/// TrainingState state = run.Snapshot();
/// double meanSoFar = state.EpochLossSum / state.EpochSamples;   // the epoch's mean loss over its batches done
/// </code></example>
public sealed class TrainingState
{
    /// <summary>Parameter values by dotted path (<c>layer1.weight</c>).</summary>
    public Dictionary<string, Tensor> Parameters { get; init; } = [];

    /// <summary>The scheme's state, or null.</summary>
    public OptimizerState? SchemeState { get; init; }

    /// <summary>Steps completed.</summary>
    public long Step { get; init; }

    /// <summary>The epoch in progress: the epoch of the next step, or, when <see cref="BatchInEpoch"/> equals
    /// the batches per epoch, the epoch whose batches are all done but whose end (validation,
    /// <see cref="Callbacks.Callback.OnEpochEnd"/>, the <see cref="TrainOptions.LossTolerance"/> check) has not
    /// run yet; a resumed run runs it first.</summary>
    public int Epoch { get; init; }

    /// <summary>Batches of <see cref="Epoch"/> already done.</summary>
    public int BatchInEpoch { get; init; }

    /// <summary>Σ loss × batch size over the batches of <see cref="Epoch"/> already done, summed in the
    /// order they ran, so a resumed run reports the epoch's mean loss of a run that never stopped.</summary>
    public double EpochLossSum { get; init; }

    /// <summary>The samples in the batches of <see cref="Epoch"/> already done.</summary>
    public long EpochSamples { get; init; }

    /// <summary>The mean loss of the last epoch that ended, which <see cref="TrainOptions.LossTolerance"/>
    /// compares the next one with; null before the first epoch end.</summary>
    public double? PreviousEpochLoss { get; init; }

    /// <summary>The scheme's metrics after the last step (learning rate, bond dimensions, ...), which the
    /// record of an epoch ended right after a resume reports.</summary>
    public Dictionary<string, double> StepMetrics { get; init; } = [];

    /// <summary>The states of the callbacks that keep one (<see cref="Callbacks.Callback.GetState"/>), by
    /// <c>&lt;type name&gt;-&lt;n&gt;</c>: the n-th callback of that type in <see cref="TrainOptions.Callbacks"/>,
    /// counting from 0 (<c>EarlyStopping-0</c>).</summary>
    public Dictionary<string, OptimizerState> CallbackStates { get; init; } = [];

    /// <summary>The state of <see cref="TrainOptions.Generator"/>, or null when the run has none.</summary>
    public ulong[]? GeneratorState { get; init; }

    /// <summary>Free-form text stored in the safetensors <c>__metadata__</c>.</summary>
    public Dictionary<string, string> Metadata { get; init; } = [];
}
