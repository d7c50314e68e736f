using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// The bias-corrected moment estimates shared by <see cref="Adam"/> and <see cref="AdamW"/>: per parameter
/// a first moment m, a second moment v and a step count t, reset when the parameter's shape changes.
/// </summary>
internal sealed class AdamMoments(int count)
{
    private readonly Tensor?[] _first = new Tensor?[count];
    private readonly Tensor?[] _second = new Tensor?[count];
    private readonly long[] _steps = new long[count];

    /// <summary>
    /// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², t ← t + 1, then
    /// p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). Call under <see cref="TN.NoGrad"/>.
    /// </summary>
    public void Apply(int index, Tensor value, Tensor gradient, double learningRate, double beta1, double beta2, double epsilon)
    {
        Tensor? m = _first[index], v = _second[index];
        if (m is null || v is null || StateChecks.IsStale(m, value))
        {
            m = _first[index] = TN.ZerosLike(value);
            v = _second[index] = TN.ZerosLike(value);
            _steps[index] = 0;
        }
        long t = ++_steps[index];
        m.ScaleInPlace(beta1);
        m.AddInPlace(gradient, 1 - beta1);
        v.ScaleInPlace(beta2);
        v.AddInPlace(gradient * gradient, 1 - beta2);
        double firstCorrection = 1 - Math.Pow(beta1, t);
        double secondCorrection = 1 - Math.Pow(beta2, t);
        Tensor denominator = v.Sqrt() / Math.Sqrt(secondCorrection) + epsilon;
        value.AddInPlace(m / denominator, -learningRate / firstCorrection);
    }

    /// <summary>Copies the moments (<c>m.{i}</c>, <c>v.{i}</c>) and step counts (<c>step.{i}</c>) into <paramref name="state"/>.</summary>
    public void Save(OptimizerState state)
    {
        for (int i = 0; i < _steps.Length; i++)
        {
            if (_first[i] is not { } m || _second[i] is not { } v) continue;
            state.Tensors[$"m.{i}"] = StateChecks.Copy(m);
            state.Tensors[$"v.{i}"] = StateChecks.Copy(v);
            state.Scalars[$"step.{i}"] = _steps[i];
        }
    }

    /// <summary>Checks every entry of <paramref name="state"/> against <paramref name="parameters"/> and returns
    /// an action that installs them; nothing changes when a check fails.</summary>
    /// <exception cref="ArgumentException">When a moment is missing its partner or step count, or its shape or
    /// dtype differs from its parameter's.</exception>
    public Action Load(OptimizerState state, IReadOnlyList<Parameter> parameters, string kind)
    {
        var first = new Tensor?[_steps.Length];
        var second = new Tensor?[_steps.Length];
        var steps = new long[_steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            first[i] = StateChecks.TensorFor(state, $"m.{i}", parameters[i], kind);
            second[i] = StateChecks.TensorFor(state, $"v.{i}", parameters[i], kind);
            if (first[i] is null != second[i] is null)
                throw new ArgumentException($"{kind}.SetState: parameter {i} has only one of \"m.{i}\" and \"v.{i}\".", nameof(state));
            if (first[i] is not null) steps[i] = (long)StateChecks.Scalar(state, $"step.{i}", kind);
        }
        return () =>
        {
            first.CopyTo(_first, 0);
            second.CopyTo(_second, 0);
            steps.CopyTo(_steps, 0);
        };
    }
}
