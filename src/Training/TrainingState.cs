using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training;

/// <summary>
/// Everything needed to resume a run exactly: parameter values by dotted path, the scheme's optimizer
/// state, the position (steps done, epoch, batches done within it) and the generator state.
/// The checkpoint writer stores it as one safetensors file.
/// </summary>
public sealed class TrainingState
{
    /// <summary>Parameter values by dotted path (<c>layer1.weight</c>).</summary>
    public Dictionary<string, Tensor> Parameters { get; init; } = [];

    /// <summary>The scheme's state, or null.</summary>
    public OptimizerState? SchemeState { get; init; }

    /// <summary>Steps completed.</summary>
    public long Step { get; init; }

    /// <summary>The epoch the next step belongs to.</summary>
    public int Epoch { get; init; }

    /// <summary>Batches of <see cref="Epoch"/> already done.</summary>
    public int BatchInEpoch { get; init; }

    /// <summary>The state of <see cref="TrainOptions.Generator"/>, or null when the run has none.</summary>
    public ulong[]? GeneratorState { get; init; }

    /// <summary>Free-form text stored in the safetensors <c>__metadata__</c>.</summary>
    public Dictionary<string, string> Metadata { get; init; } = [];
}
