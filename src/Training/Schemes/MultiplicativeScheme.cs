using TensorNetworks.Nn;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// Multiplicative updates (NMF and its variants): each step applies θ ← θ ⊙ N / (D + ε) to the
/// parameters in order, each rule seeing the parameters already updated in this step. The step's loss is
/// evaluated after the last update, without recording.
/// </summary>
/// <example><code>
/// // Frobenius NMF, X ≈ W H:  H ← H ⊙ (WᵀX) / (WᵀW H),  W ← W ⊙ (X Hᵀ) / (W H Hᵀ)
/// var nmf = new MultiplicativeScheme(
///     (model.H, ctx => (TN.MatMul(W.T, X), TN.MatMul(TN.MatMul(W.T, W), H))),
///     (model.W, ctx => (TN.MatMul(X, H.T), TN.MatMul(W, TN.MatMul(H, H.T)))));
/// </code></example>
public sealed class MultiplicativeScheme : UpdateScheme
{
    private readonly (Parameter Parameter, MultiplicativeRule Rule)[] _rules;

    /// <summary>Creates the scheme; <paramref name="epsilon"/> keeps the denominators away from zero.</summary>
    /// <exception cref="ArgumentException">When no rule is given or a parameter has two rules.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When epsilon is negative or not finite.</exception>
    public MultiplicativeScheme(double epsilon, params (Parameter Parameter, MultiplicativeRule Rule)[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Length == 0) throw new ArgumentException("MultiplicativeScheme: no rules given.", nameof(rules));
        if (rules.Select(r => r.Parameter).Distinct().Count() != rules.Length)
            throw new ArgumentException("MultiplicativeScheme: a parameter has two rules.", nameof(rules));
        if (!(epsilon >= 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"MultiplicativeScheme: epsilon must be non-negative and finite, got {epsilon}.");
        Epsilon = epsilon;
        _rules = rules;
    }

    /// <summary>Creates the scheme with ε = 1e-12.</summary>
    public MultiplicativeScheme(params (Parameter Parameter, MultiplicativeRule Rule)[] rules) : this(1e-12, rules)
    {
    }

    /// <summary>The constant added to every denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When a rule's parameter is not the model's or holds a negative value.</exception>
    public override void Prepare(Module model)
    {
        var owned = model.Parameters().ToHashSet();
        foreach (var (p, _) in _rules)
        {
            if (!owned.Contains(p))
                throw new ArgumentException($"MultiplicativeScheme: {p} is not a parameter of the {model.GetType().Name} being trained.");
            if (p.Value.Min().Item() < 0)
                throw new ArgumentException($"MultiplicativeScheme: {p} has negative entries (min {p.Value.Min().Item()}); multiplicative updates need a non-negative start.");
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">When a rule returns tensors of the wrong shape.</exception>
    public override double Step(StepContext context)
    {
        using var _ = TN.NoGrad();
        foreach (var (p, rule) in _rules)
        {
            var (numerator, denominator) = rule(context);
            if (!numerator.Shape.Equals(p.Shape) || !denominator.Shape.Equals(p.Shape))
                throw new InvalidOperationException($"MultiplicativeScheme: the rule for {p} returned numerator {numerator.Shape} and denominator {denominator.Shape}; both must have the parameter's shape.");
            p.Value.CopyFrom(p.Value * numerator / (denominator + Epsilon));
            context.MarkParametersChanged();
        }
        return context.Loss().Item();
    }
}
