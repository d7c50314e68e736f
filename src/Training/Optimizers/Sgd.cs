using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay,
/// following PyTorch's rule. For each parameter p with gradient g, at step t:
/// g ← g + λp; if μ ≠ 0: b ← g at the first step, else b ← μb + (1 − τ)g, and then g ← g + μb (Nesterov)
/// or g ← b; finally p ← p − ηg. η is the learning rate, μ the momentum, τ the dampening, λ the weight decay.
/// </summary>
/// <example><code>
/// var sgd = new Sgd(model.Parameters(), learningRate: 0.1, momentum: 0.9, nesterov: true);
/// double loss = sgd.Step(() => { sgd.ZeroGrad(); Tensor l = Loss(); l.Backward(); return l.Item(); });
/// </code></example>
public sealed class Sgd : Optimizer
{
    private readonly Tensor?[] _buffers;

    /// <summary>Creates the optimizer.</summary>
    /// <example><code>var sgd = new Sgd(model.Parameters(), learningRate: 0.01, momentum: 0.9, weightDecay: 1e-4);</code></example>
    /// <exception cref="ArgumentException">When the parameter list is empty or repeats a parameter, or
    /// <paramref name="nesterov"/> is set without momentum &gt; 0 and dampening = 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is negative or not finite (0 is
    /// allowed, as at the end of a cosine schedule: a step then leaves the parameters as they are),
    /// <paramref name="momentum"/> or <paramref name="weightDecay"/> is negative or not finite, or
    /// <paramref name="dampening"/> is outside [0, 1].</exception>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (!(momentum >= 0) || !double.IsFinite(momentum))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Sgd: momentum must be non-negative and finite, got {momentum}.");
        if (!(dampening >= 0 && dampening <= 1))
            throw new ArgumentOutOfRangeException(nameof(dampening), dampening, $"Sgd: dampening must be in [0, 1], got {dampening}.");
        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Sgd: weightDecay must be non-negative and finite, got {weightDecay}.");
        if (nesterov && (momentum == 0 || dampening != 0))
            throw new ArgumentException($"Sgd: nesterov needs momentum > 0 and dampening = 0, got momentum = {momentum} and dampening = {dampening}.", nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        _buffers = new Tensor?[Parameters.Count];
    }

    /// <summary>The momentum factor μ.</summary>
    public double Momentum { get; }

    /// <summary>The dampening τ of the momentum buffer's update.</summary>
    public double Dampening { get; }

    /// <summary>Whether the step uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty factor λ added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>Calls <paramref name="evaluate"/> once and updates every parameter that has a gradient;
    /// returns the loss it reported.</summary>
    /// <example><code>double loss = sgd.Step(() => { sgd.ZeroGrad(); Tensor l = Loss(); l.Backward(); return l.Item(); });</code></example>
    public override double Step(Func<double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        double loss = evaluate();
        using (TN.NoGrad())
        {
            for (int i = 0; i < Parameters.Count; i++) Update(i);
        }
        StepCount++;
        return loss;
    }

    private void Update(int index)
    {
        Tensor p = Parameters[index].Value;
        if (Parameters[index].Grad is not { } grad) return;
        Tensor g = WeightDecay != 0 ? grad + p * WeightDecay : grad;
        if (Momentum != 0)
        {
            Tensor? buffer = _buffers[index];
            if (buffer is null || StateChecks.IsStale(buffer, p))
            {
                buffer = _buffers[index] = g.Clone();
            }
            else
            {
                buffer.ScaleInPlace(Momentum);
                buffer.AddInPlace(g, 1 - Dampening);
            }
            g = Nesterov ? g + buffer * Momentum : buffer;
        }
        p.AddInPlace(g, -LearningRate);
    }

    /// <summary>The step count, learning rate and momentum buffers (<c>momentum.{i}</c> for parameter i), copied.</summary>
    public override OptimizerState GetState()
    {
        OptimizerState state = StateChecks.NewState(this);
        for (int i = 0; i < _buffers.Length; i++)
            if (_buffers[i] is { } buffer) state.Tensors[$"momentum.{i}"] = StateChecks.Copy(buffer);
        return state;
    }

    /// <summary>Restores a state taken by <see cref="GetState"/>, including the learning rate.</summary>
    /// <example><code>var resumed = new Sgd(model.Parameters(), 0.01, momentum: 0.9); resumed.SetState(sgd.GetState());</code></example>
    /// <exception cref="ArgumentException">When the state is not an Sgd state, is for another number of
    /// parameters, or holds a buffer whose shape or dtype differs from its parameter's.</exception>
    public override void SetState(OptimizerState state)
    {
        StateChecks.RequireCompatible(state, this);
        var buffers = new Tensor?[Parameters.Count];
        for (int i = 0; i < buffers.Length; i++) buffers[i] = StateChecks.TensorFor(state, $"momentum.{i}", Parameters[i], nameof(Sgd));
        LearningRate = state.Scalars[StateChecks.LearningRateKey];
        buffers.CopyTo(_buffers, 0);
        StepCount = (long)state.Scalars[StateChecks.StepCountKey];
    }
}
