using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Adam (Kingma and Ba) with bias correction and optional L2 weight decay added to the gradient, following
/// PyTorch's rule. For each parameter p with gradient g, at its step t (from 1):
/// g ← g + λp; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// p ← p − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
/// For weight decay that does not pass through the moments use <see cref="AdamW"/>.
/// </summary>
/// <example><code>
/// var adam = new Adam(model.Parameters(), learningRate: 1e-3);
/// Trainer.Fit(model, loader, objective, new GradientScheme(adam));
/// </code></example>
public class Adam : Optimizer
{
    private readonly AdamMoments _moments;

    /// <summary>Creates the optimizer.</summary>
    /// <example><code>var adam = new Adam(model.Parameters(), learningRate: 3e-4, beta2: 0.99);</code></example>
    /// <exception cref="ArgumentException">When the parameter list is empty or repeats a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is negative or not finite (0 is
    /// allowed, as at the end of a cosine schedule: a step then updates the moments but not the parameters), a beta
    /// is outside [0, 1), or <paramref name="epsilon"/> or <paramref name="weightDecay"/> is negative or not finite.</exception>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        AdamChecks.Validate(GetType().Name, beta1, beta2, epsilon, weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _moments = new AdamMoments(Parameters.Count);
    }

    /// <summary>The decay rate β₁ of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>The decay rate β₂ of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>The weight decay factor λ: added to the gradient as λp by Adam; decoupled (p ← p(1 − ηλ)) by <see cref="AdamW"/>.</summary>
    public double WeightDecay { get; }

    /// <summary>Calls <paramref name="evaluate"/> once and updates every parameter that has a gradient;
    /// returns the loss it reported.</summary>
    /// <example><code>double loss = adam.Step(() => { adam.ZeroGrad(); Tensor l = Loss(); l.Backward(); return l.Item(); });</code></example>
    public override double Step(Func<double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        double loss = evaluate();
        using (TN.NoGrad())
        {
            for (int i = 0; i < Parameters.Count; i++)
            {
                if (Parameters[i].Grad is not { } grad) continue;
                Tensor p = Parameters[i].Value;
                _moments.Apply(i, p, WeightDecay != 0 ? Decay(p, grad) : grad, LearningRate, Beta1, Beta2, Epsilon);
            }
        }
        StepCount++;
        return loss;
    }

    /// <summary>Applies weight decay λ to parameter <paramref name="p"/> with gradient <paramref name="grad"/>
    /// and returns the gradient the moments see: Adam's L2 rule returns g + λp.</summary>
    private protected virtual Tensor Decay(Tensor p, Tensor grad) => grad + p * WeightDecay;

    /// <summary>The step count, learning rate, and per parameter i the moments <c>m.{i}</c>, <c>v.{i}</c>
    /// and step count <c>step.{i}</c>, copied.</summary>
    public override OptimizerState GetState()
    {
        OptimizerState state = StateChecks.NewState(this);
        _moments.Save(state);
        return state;
    }

    /// <summary>Restores a state taken by <see cref="GetState"/>, including the learning rate.</summary>
    /// <example><code>var resumed = new Adam(model.Parameters()); resumed.SetState(adam.GetState());</code></example>
    /// <exception cref="ArgumentException">When the state is not a state of this optimizer kind, is for another number of
    /// parameters, or holds a moment whose shape or dtype differs from its parameter's.</exception>
    public override void SetState(OptimizerState state)
    {
        StateChecks.RequireCompatible(state, this);
        Action install = _moments.Load(state, Parameters, GetType().Name);
        LearningRate = state.Scalars[StateChecks.LearningRateKey];
        install();
        StepCount = (long)state.Scalars[StateChecks.StepCountKey];
    }
}
