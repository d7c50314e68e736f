using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter), following PyTorch's rule. For each parameter
/// p with gradient g, at its step t (from 1): p ← p(1 − ηλ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// p ← p − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε). The decay shrinks p directly instead of
/// entering the moments as <see cref="Adam"/>'s L2 term does.
/// </summary>
/// <example><code>
/// var adamw = new AdamW(model.Parameters(), learningRate: 1e-3, weightDecay: 1e-2);
/// Trainer.Fit(model, loader, objective, new GradientScheme(adamw));
/// </code></example>
public sealed class AdamW : Optimizer
{
    private readonly AdamMoments _moments;

    /// <summary>Creates the optimizer.</summary>
    /// <example><code>var adamw = new AdamW(model.Parameters(), learningRate: 1e-3, weightDecay: 0.05);</code></example>
    /// <exception cref="ArgumentException">When the parameter list is empty or repeats a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is not positive and finite, a beta
    /// is outside [0, 1), or <paramref name="epsilon"/> or <paramref name="weightDecay"/> is negative or not finite.</exception>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate)
    {
        AdamChecks.Validate(nameof(AdamW), beta1, beta2, epsilon, weightDecay);
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

    /// <summary>The decoupled decay factor λ: each step multiplies p by 1 − ηλ.</summary>
    public double WeightDecay { get; }

    /// <summary>Calls <paramref name="evaluate"/> once and updates every parameter that has a gradient;
    /// returns the loss it reported.</summary>
    /// <example><code>double loss = adamw.Step(() => { adamw.ZeroGrad(); Tensor l = Loss(); l.Backward(); return l.Item(); });</code></example>
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
                if (WeightDecay != 0) p.ScaleInPlace(1 - LearningRate * WeightDecay);
                _moments.Apply(i, p, grad, LearningRate, Beta1, Beta2, Epsilon);
            }
        }
        StepCount++;
        return loss;
    }

    /// <summary>The step count, learning rate, and per parameter i the moments <c>m.{i}</c>, <c>v.{i}</c>
    /// and step count <c>step.{i}</c>, copied.</summary>
    public override OptimizerState GetState()
    {
        OptimizerState state = StateChecks.NewState(this);
        _moments.Save(state);
        return state;
    }

    /// <summary>Restores a state taken by <see cref="GetState"/>, including the learning rate.</summary>
    /// <example><code>var resumed = new AdamW(model.Parameters()); resumed.SetState(adamw.GetState());</code></example>
    /// <exception cref="ArgumentException">When the state is not an AdamW state, is for another number of
    /// parameters, or holds a moment whose shape or dtype differs from its parameter's.</exception>
    public override void SetState(OptimizerState state)
    {
        StateChecks.RequireCompatible(state, this);
        Action install = _moments.Load(state, Parameters, nameof(AdamW));
        LearningRate = state.Scalars[StateChecks.LearningRateKey];
        install();
        StepCount = (long)state.Scalars[StateChecks.StepCountKey];
    }
}
