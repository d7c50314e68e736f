using TensorNetworks.Nn;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Callbacks;

/// <summary>The run as callbacks see it: the model, the scheme, progress counters, and the ways to act on
/// it (stop it, snapshot it).</summary>
public sealed class TrainingRun
{
    private readonly Func<TrainingState> _snapshot;

    internal TrainingRun(Module model, UpdateScheme scheme, TrainOptions options, int batchesPerEpoch, int samplesPerEpoch, Func<TrainingState> snapshot)
    {
        Model = model;
        Scheme = scheme;
        Options = options;
        BatchesPerEpoch = batchesPerEpoch;
        SamplesPerEpoch = samplesPerEpoch;
        _snapshot = snapshot;
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The update scheme.</summary>
    public UpdateScheme Scheme { get; }

    /// <summary>The options the run was started with.</summary>
    public TrainOptions Options { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Samples per epoch.</summary>
    public int SamplesPerEpoch { get; }

    /// <summary>Total steps the run will take if nothing stops it: min(Epochs × BatchesPerEpoch, MaxSteps).</summary>
    public long PlannedSteps => Math.Min((long)Options.Epochs * BatchesPerEpoch, Options.MaxSteps ?? long.MaxValue);

    /// <summary>The step a resumed run started from (0 for a fresh run).</summary>
    public long StartStep { get; internal set; }

    /// <summary>Steps completed so far.</summary>
    public long Step { get; internal set; }

    /// <summary>The current epoch, 0-based.</summary>
    public int Epoch { get; internal set; }

    /// <summary>Why a callback asked to stop, or null.</summary>
    public string? StopRequest { get; private set; }

    /// <summary>Asks the trainer to stop after the current step; the first request's reason is kept.</summary>
    public void RequestStop(string reason) => StopRequest ??= reason;

    /// <summary>A snapshot of everything a checkpoint holds (parameters, scheme state, position and epoch
    /// sums, RNG, the callbacks' states), copied.</summary>
    public TrainingState Snapshot() => _snapshot();
}
