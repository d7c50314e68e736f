using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training;

/// <summary>
/// The one training loop. It owns epochs, batches, validation, callbacks, checkpoint resumption and
/// stopping; how the parameters change in a step is the <see cref="UpdateScheme"/>'s business, so
/// gradient training, alternating least squares, two-site sweeps and multiplicative updates all run here.
/// </summary>
/// <example><code>
/// var model = new Linear(10, 1, gen);
/// var loader = new DataLoader(new InMemoryDataset(x, y), batchSize: 32, seed: 1);
/// FitResult result = Trainer.Fit(model, loader,
///     batch => TN.MseLoss(model.Forward(batch.Inputs), batch.Targets!),
///     new GradientScheme(new Adam(model.Parameters(), learningRate: 1e-2)),
///     new TrainOptions { Epochs = 50, Callbacks = { new ProgressDisplay() } });
/// </code></example>
public static partial class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="data"/>: for each epoch and each batch, one
    /// <paramref name="scheme"/> step on <paramref name="objective"/>(batch); validation and callbacks after
    /// each epoch; stops on the epoch count, <see cref="TrainOptions.MaxSteps"/>,
    /// <see cref="TrainOptions.LossTolerance"/> or a callback's request.
    /// </summary>
    /// <exception cref="ArgumentException">When the scheme does not fit the model, or the options are out of range.</exception>
    /// <exception cref="NonFiniteException">When <see cref="TrainOptions.StopOnNonFinite"/> is on and the loss at
    /// a step's starting parameters is NaN or infinite (thrown before the update), or a parameter, or the loss a
    /// scheme reports after updating, is NaN or infinite after the step.</exception>
    public static FitResult Fit(Module model, IBatchSource data, Func<Batch, Tensor> objective, UpdateScheme scheme, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(scheme);
        options ??= new TrainOptions();
        CheckOptions(options, data);
        scheme.Prepare(model);

        var position = new Position();
        var run = new TrainingRun(model, scheme, options, data.BatchesPerEpoch, data.SamplesPerEpoch, () => Snapshot(model, scheme, options, position));
        IReadOnlyDictionary<string, OptimizerState> callbackStates = new Dictionary<string, OptimizerState>();
        if (options.ResumeFrom is { } path)
        {
            TrainingState state = LoadCheckpoint(path);
            Restore(model, scheme, options, state, position);
            callbackStates = state.CallbackStates;
        }
        run.StartStep = run.Step = position.Step;
        run.Epoch = position.Epoch;

        var loop = new Loop(model, data, objective, scheme, options, run, position, callbackStates);
        return loop.Run();
    }

    private static void CheckOptions(TrainOptions options, IBatchSource data)
    {
        if (options.Epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, $"Trainer: Epochs must be at least 1, got {options.Epochs}.");
        if (options.MaxSteps is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSteps, $"Trainer: MaxSteps must be at least 1, got {options.MaxSteps}.");
        if (options.LossTolerance is { } tol && (!(tol >= 0) || !double.IsFinite(tol)))
            throw new ArgumentOutOfRangeException(nameof(options), tol, $"Trainer: LossTolerance must be non-negative and finite, got {tol}.");
        if (data.BatchesPerEpoch < 1)
            throw new ArgumentException($"Trainer: the data source has no batches ({data.SamplesPerEpoch} samples).", nameof(data));
    }

    /// <summary>Reads a checkpoint for <see cref="TrainOptions.ResumeFrom"/>.</summary>
    private static TrainingState LoadCheckpoint(string path) => Checkpoints.Checkpoint.Load(path);
}
