using System.Diagnostics;
using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
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
        if (options.ResumeFrom is { } path)
            Restore(model, scheme, options, LoadCheckpoint(path), position);
        run.StartStep = run.Step = position.Step;
        run.Epoch = position.Epoch;

        var loop = new Loop(model, data, objective, scheme, options, run, position);
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

    /// <summary>Where the run is: steps done, the epoch of the next step and batches of it already done.</summary>
    private sealed class Position
    {
        public long Step;
        public int Epoch;
        public int BatchInEpoch;
    }

    private static TrainingState Snapshot(Module model, UpdateScheme scheme, TrainOptions options, Position position)
    {
        var parameters = new Dictionary<string, Tensor>();
        foreach (var (name, p) in model.NamedParameters()) parameters[name] = p.Value.Detach().Clone();
        return new TrainingState
        {
            Parameters = parameters,
            SchemeState = scheme.GetState(),
            Step = position.Step,
            Epoch = position.Epoch,
            BatchInEpoch = position.BatchInEpoch,
            GeneratorState = options.Generator?.GetState(),
        };
    }

    private static void Restore(Module model, UpdateScheme scheme, TrainOptions options, TrainingState state, Position position)
    {
        var named = model.NamedParameters();
        foreach (var (name, p) in named)
        {
            if (!state.Parameters.TryGetValue(name, out Tensor? value))
                throw new ArgumentException($"Trainer: the checkpoint has no value for parameter \"{name}\"; it holds: {string.Join(", ", state.Parameters.Keys)}.");
            if (value.DType != p.Value.DType)
                throw new ArgumentException($"Trainer: the checkpoint's \"{name}\" is {value.DType} but the model's is {p.Value.DType}.");
            p.Value = value.Detach().Clone();
        }
        foreach (string name in state.Parameters.Keys)
            if (!named.Any(n => n.Key == name))
                throw new ArgumentException($"Trainer: the checkpoint holds parameter \"{name}\", which the {model.GetType().Name} does not have.");
        if (state.SchemeState is { } schemeState) scheme.SetState(schemeState);
        if (state.GeneratorState is { } genState) options.Generator?.SetState(genState);
        position.Step = state.Step;
        position.Epoch = state.Epoch;
        position.BatchInEpoch = state.BatchInEpoch;
    }

    /// <summary>Reads a checkpoint for <see cref="TrainOptions.ResumeFrom"/>.</summary>
    private static TrainingState LoadCheckpoint(string path) => Checkpoints.Checkpoint.Load(path);
}
