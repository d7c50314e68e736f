using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training;

public static partial class Trainer
{
    /// <summary>Everything a checkpoint holds, copied: parameters, scheme state, position and loop sums,
    /// generator state and the state of every callback that keeps one.</summary>
    private static TrainingState Snapshot(Module model, UpdateScheme scheme, TrainOptions options, Position position)
    {
        var parameters = new Dictionary<string, Tensor>();
        foreach (var (name, p) in model.NamedParameters()) parameters[name] = p.Value.Detach().Clone();
        var callbackStates = new Dictionary<string, OptimizerState>();
        foreach (var (key, callback) in CallbackKeys(options.Callbacks))
            if (callback.GetState() is { } state) callbackStates[key] = state;
        return new TrainingState
        {
            Parameters = parameters,
            SchemeState = scheme.GetState(),
            Step = position.Step,
            Epoch = position.Epoch,
            BatchInEpoch = position.BatchInEpoch,
            EpochLossSum = position.EpochLossSum,
            EpochSamples = position.EpochSamples,
            PreviousEpochLoss = position.PreviousEpochLoss,
            StepMetrics = new Dictionary<string, double>(position.StepMetrics),
            GeneratorState = options.Generator?.GetState(),
            CallbackStates = callbackStates,
        };
    }

    /// <summary>Puts a checkpoint's parameters, scheme state, generator state, position and loop sums back,
    /// after checking that the checkpoint holds exactly the model's parameters, each with the model's dtype
    /// and, unless the scheme changes parameter shapes itself (<see cref="UpdateScheme.ChangesParameterShapes"/>),
    /// its shape; nothing is changed when a check fails. The callbacks' states are restored by the loop, after
    /// each callback's <see cref="Callback.OnTrainBegin"/>.</summary>
    private static void Restore(Module model, UpdateScheme scheme, TrainOptions options, TrainingState state, Position position)
    {
        var named = model.NamedParameters();
        foreach (var (name, p) in named)
        {
            if (!state.Parameters.TryGetValue(name, out Tensor? value))
                throw new ArgumentException($"Trainer: the checkpoint has no value for parameter \"{name}\"; it holds: {string.Join(", ", state.Parameters.Keys)}.");
            if (value.DType != p.Value.DType)
                throw new ArgumentException($"Trainer: the checkpoint's \"{name}\" is {value.DType} but the model's is {p.Value.DType}.");
            if (!scheme.ChangesParameterShapes && value.Shape != p.Value.Shape)
                throw new ArgumentException($"Trainer: the checkpoint's \"{name}\" is {value.Shape} but the model's is {p.Value.Shape}; " +
                    "resume into a model built with the checkpoint's sizes.");
        }
        foreach (string name in state.Parameters.Keys)
            if (!named.Any(n => n.Key == name))
                throw new ArgumentException($"Trainer: the checkpoint holds parameter \"{name}\", which the {model.GetType().Name} does not have.");
        foreach (var (name, p) in named) p.Value = state.Parameters[name].Detach().Clone();
        if (state.SchemeState is { } schemeState) scheme.SetState(schemeState);
        if (state.GeneratorState is { } genState) options.Generator?.SetState(genState);
        position.Step = state.Step;
        position.Epoch = state.Epoch;
        position.BatchInEpoch = state.BatchInEpoch;
        position.EpochLossSum = state.EpochLossSum;
        position.EpochSamples = state.EpochSamples;
        position.PreviousEpochLoss = state.PreviousEpochLoss;
        position.StepMetrics = new Dictionary<string, double>(state.StepMetrics);
    }

    /// <summary>Each callback with its checkpoint key, <c>&lt;type name&gt;-&lt;n&gt;</c>: the n-th callback
    /// of its type in the list, from 0.</summary>
    private static IEnumerable<(string Key, Callback Callback)> CallbackKeys(IEnumerable<Callback> callbacks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Callback callback in callbacks)
        {
            string type = callback.GetType().Name;
            int n = seen.GetValueOrDefault(type);
            seen[type] = n + 1;
            yield return ($"{type}-{n}", callback);
        }
    }
}
