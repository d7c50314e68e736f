using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>The checks every <see cref="Optimizer.SetState"/> makes before it changes anything: the state's
/// kind, its parameter count, and the shape and dtype of each per-parameter tensor.</summary>
internal static class StateChecks
{
    public const string StepCountKey = "stepCount";
    public const string LearningRateKey = "learningRate";
    public const string ParameterCountKey = "parameterCount";

    /// <summary>Writes the scalars every optimizer state holds.</summary>
    public static OptimizerState NewState(Optimizer optimizer)
    {
        var state = new OptimizerState(optimizer.GetType().Name);
        state.Scalars[StepCountKey] = optimizer.StepCount;
        state.Scalars[LearningRateKey] = optimizer.LearningRate;
        state.Scalars[ParameterCountKey] = optimizer.Parameters.Count;
        return state;
    }

    /// <summary>Refuses a state of another kind or for another number of parameters.</summary>
    public static void RequireCompatible(OptimizerState state, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        string kind = optimizer.GetType().Name;
        if (state.Kind != kind)
            throw new ArgumentException($"{kind}.SetState: the state belongs to a {state.Kind} optimizer, not a {kind}.", nameof(state));
        double count = Scalar(state, ParameterCountKey, kind);
        if (count != optimizer.Parameters.Count)
            throw new ArgumentException($"{kind}.SetState: the state is for {count} parameters but this optimizer has {optimizer.Parameters.Count}.", nameof(state));
        Scalar(state, StepCountKey, kind);
        Scalar(state, LearningRateKey, kind);
    }

    /// <summary>A named scalar of the state.</summary>
    /// <exception cref="ArgumentException">When it is missing.</exception>
    public static double Scalar(OptimizerState state, string key, string kind) =>
        state.Scalars.TryGetValue(key, out double value)
            ? value
            : throw new ArgumentException($"{kind}.SetState: the state has no scalar \"{key}\"; it holds: {string.Join(", ", state.Scalars.Keys)}.", nameof(state));

    /// <summary>A copy of the per-parameter tensor <paramref name="key"/>, or null when the state has none.</summary>
    /// <exception cref="ArgumentException">When its shape or dtype differs from <paramref name="parameter"/>'s.</exception>
    public static Tensor? TensorFor(OptimizerState state, string key, Parameter parameter, string kind)
    {
        if (!state.Tensors.TryGetValue(key, out Tensor? saved)) return null;
        if (saved.Shape != parameter.Shape || saved.DType != parameter.Value.DType)
            throw new ArgumentException($"{kind}.SetState: \"{key}\" is {saved.DType} {saved.Shape} but parameter {parameter.Name} is {parameter.Value.DType} {parameter.Shape}.", nameof(state));
        return Copy(saved);
    }

    /// <summary>A detached copy with its own storage.</summary>
    public static Tensor Copy(Tensor t)
    {
        using var _ = TN.NoGrad();
        return t.Detach().Clone();
    }

    /// <summary>True when a state tensor no longer fits its parameter (a sweep changed the shape or dtype).</summary>
    public static bool IsStale(Tensor? slot, Tensor value) => slot is not null && (slot.Shape != value.Shape || slot.DType != value.DType);
}
