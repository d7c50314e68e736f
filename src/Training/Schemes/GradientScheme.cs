using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// Gradient training: each step computes the loss and its gradient and lets an <see cref="Optimizer"/>
/// update the parameters, with an optional learning-rate schedule and gradient clipping by global norm.
/// </summary>
/// <example><code>
/// var scheme = new GradientScheme(new Adam(model.Parameters(), learningRate: 1e-3),
///                                 schedule: new CosineSchedule(totalSteps: 1000), clipNorm: 1.0);
/// Trainer.Fit(model, loader, batch => TN.MseLoss(model.Forward(batch.Inputs), batch.Targets!), scheme);
/// </code></example>
public sealed class GradientScheme : UpdateScheme
{
    private readonly double _baseLearningRate;
    private readonly Dictionary<string, double> _metrics = [];

    /// <summary>Creates the scheme.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="clipNorm"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentException">When clipping is asked of <see cref="Lbfgs"/>: its line search and
    /// curvature pairs need the true gradient.</exception>
    public GradientScheme(Optimizer optimizer, LearningRateSchedule? schedule = null, double? clipNorm = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (clipNorm is { } c && (!(c > 0) || !double.IsFinite(c)))
            throw new ArgumentOutOfRangeException(nameof(clipNorm), c, $"GradientScheme: clipNorm must be positive and finite, got {c}.");
        if (clipNorm is not null && optimizer is Lbfgs)
            throw new ArgumentException("GradientScheme: clipNorm cannot be combined with Lbfgs, whose line search and curvature pairs need the true gradient; bound the step with Lbfgs's learningRate instead.", nameof(clipNorm));
        Optimizer = optimizer;
        Schedule = schedule;
        ClipNorm = clipNorm;
        _baseLearningRate = optimizer.LearningRate;
    }

    /// <summary>The optimizer that applies the updates.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The learning-rate schedule, or null for a constant rate.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>The global gradient norm bound, or null for no clipping.</summary>
    public double? ClipNorm { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the optimizer holds a parameter the model does not have.</exception>
    public override void Prepare(Module model)
    {
        var owned = model.Parameters().ToHashSet();
        foreach (Parameter p in Optimizer.Parameters)
            if (!owned.Contains(p))
                throw new ArgumentException($"GradientScheme: the optimizer updates {p}, which is not a parameter of the {model.GetType().Name} being trained.");
    }

    /// <inheritdoc/>
    public override double Step(StepContext context)
    {
        if (Schedule is not null)
            Optimizer.LearningRate = Schedule.LearningRateAt(context.Step, _baseLearningRate);
        double loss = Optimizer.Step(() =>
        {
            double value = context.LossAndGradients(Optimizer.Parameters);
            if (ClipNorm is { } maxNorm) _metrics["grad_norm"] = GradientClipping.ClipByNorm(Optimizer.Parameters, maxNorm);
            return value;
        });
        _metrics["learning_rate"] = Optimizer.LearningRate;
        return loss;
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Metrics => _metrics;

    /// <inheritdoc/>
    public override OptimizerState? GetState() => Optimizer.GetState();

    /// <inheritdoc/>
    public override void SetState(OptimizerState state) => Optimizer.SetState(state);
}
