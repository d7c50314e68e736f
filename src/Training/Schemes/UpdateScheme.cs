using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// How parameters change in one training step: by an optimizer (<see cref="GradientScheme"/>), by
/// solving blocks in turn (alternating least squares), by sweeping over a chain, or by a multiplicative
/// rule. A scheme sees the model, the batch and the loss; the <see cref="Trainer"/> owns epochs,
/// batches, metrics, callbacks and stopping.
/// </summary>
public abstract class UpdateScheme
{
    /// <summary>Checks that the scheme fits <paramref name="model"/> and prepares for it; called once
    /// before the first step, so a mismatch fails before any training.</summary>
    /// <exception cref="ArgumentException">When the scheme does not fit the model.</exception>
    public virtual void Prepare(Module model)
    {
    }

    /// <summary>One update on <paramref name="context"/>'s batch; returns the loss value the step saw.</summary>
    public abstract double Step(StepContext context);

    /// <summary>
    /// True for a scheme whose steps change the shapes of the parameters, as <see cref="TwoSiteSweep"/> moves
    /// bond dimensions. A resume (<see cref="TrainOptions.ResumeFrom"/>) then takes each checkpoint parameter
    /// whatever its shape; otherwise it refuses one whose shape differs from the model's. Default false.
    /// </summary>
    /// <example><code>public override bool ChangesParameterShapes => true;</code></example>
    public virtual bool ChangesParameterShapes => false;

    /// <summary>Scalars to report after a step (learning rate, bond dimensions, ...).</summary>
    public virtual IReadOnlyDictionary<string, double> Metrics => EmptyMetrics;

    /// <summary>The scheme's state for a checkpoint, or null when it keeps none.</summary>
    public virtual OptimizerState? GetState() => null;

    /// <summary>Restores a state taken by <see cref="GetState"/>.</summary>
    public virtual void SetState(OptimizerState state)
    {
    }

    private static readonly IReadOnlyDictionary<string, double> EmptyMetrics = new Dictionary<string, double>();
}
