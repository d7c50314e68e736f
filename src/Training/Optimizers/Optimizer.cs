using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Updates a fixed list of <see cref="Parameter"/>s from their gradients. One file per optimizer
/// derives from this; each validates its hyperparameters in the constructor and names the bad value.
/// </summary>
/// <remarks>
/// State (moments, histories) is keyed by parameter index and is reset for a parameter whose shape has
/// changed since the last step (a sweep that grew a bond). <see cref="GetState"/>/<see cref="SetState"/>
/// carry it through checkpoints.
/// </remarks>
public abstract class Optimizer
{
    private double _learningRate;

    /// <summary>Creates an optimizer over <paramref name="parameters"/> with a base learning rate.</summary>
    /// <exception cref="ArgumentException">When the list is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is negative or not finite.</exception>
    protected Optimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        if (Parameters.Count == 0)
            throw new ArgumentException($"{GetType().Name}: the parameter list is empty.", nameof(parameters));
        if (Parameters.Distinct().Count() != Parameters.Count)
            throw new ArgumentException($"{GetType().Name}: a parameter appears twice in the list.", nameof(parameters));
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The current learning rate; schedules set it before each step (0 is allowed, as at the end
    /// of a cosine schedule, and makes the step a no-op for the parameters).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When negative or not finite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0) || !double.IsFinite(value))
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"{GetType().Name}: learningRate must be non-negative and finite, got {value}.");
            _learningRate = value;
        }
    }

    /// <summary>Number of steps taken.</summary>
    public long StepCount { get; protected set; }

    /// <summary>
    /// One optimization step. <paramref name="evaluate"/> clears the gradients, computes the loss, runs
    /// the backward pass and returns the loss value; first-order optimizers call it once, L-BFGS as
    /// often as its line search needs. Returns the loss at the start of the step.
    /// </summary>
    public abstract double Step(Func<double> evaluate);

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (Parameter p in Parameters) p.ZeroGrad();
    }

    /// <summary>The optimizer's state (tensors and scalars) for a checkpoint.</summary>
    public abstract OptimizerState GetState();

    /// <summary>Restores a state taken by <see cref="GetState"/> from an optimizer of the same kind over
    /// parameters of the same shapes.</summary>
    /// <exception cref="ArgumentException">When the state belongs to another optimizer or other shapes.</exception>
    public abstract void SetState(OptimizerState state);
}
