namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// An optimizer's state as named tensors (e.g. <c>m.0</c>, <c>v.0</c> for parameter 0) and named
/// scalars (step count, current learning rate), the form checkpoints store. Update schemes and
/// stateful callbacks hand their state to checkpoints in the same form.
/// </summary>
/// <example><code>
/// OptimizerState s = adam.GetState();
/// var again = new Adam(model.Parameters(), learningRate: 1e-3);
/// again.SetState(s);
/// </code></example>
public sealed class OptimizerState
{
    /// <summary>Creates a state for the optimizer (scheme, callback) kind <paramref name="kind"/> (its type name).</summary>
    public OptimizerState(string kind) => Kind = kind;

    /// <summary>The optimizer's type name; <c>SetState</c> refuses a state of another kind.</summary>
    public string Kind { get; }

    /// <summary>Named state tensors.</summary>
    public Dictionary<string, Tensor> Tensors { get; } = [];

    /// <summary>Named scalars.</summary>
    public Dictionary<string, double> Scalars { get; } = [];
}
