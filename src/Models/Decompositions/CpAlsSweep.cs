using TensorNetworks.Training.Data;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The closed-form blocks and the objective of CP-ALS on a <see cref="CpModel"/>. Block n solves the
/// least-squares problem for Aₙ with the other factors fixed:
/// Aₙ·diag(λ) ← Mₙ·(⊛_{m≠n} AₘᵀAₘ)^†, Mₙ = MTTKRP(X, A, n), then moves the column norms into λ. The
/// objective is ‖X − X̂‖²; outside autodiff it is expanded as ‖X‖² − 2⟨X, X̂⟩ + ‖X̂‖² with ⟨X, X̂⟩ taken
/// from the last block's MTTKRP and ‖X̂‖² = λᵀ(⊛ₘ AₘᵀAₘ)λ (see <see cref="Residual"/>). The MTTKRPs come
/// from <see cref="CpMttkrpTree"/>, which reads X twice per sweep instead of once per mode.
/// </summary>
internal sealed class CpAlsSweep
{
    private readonly Tensor _data;
    private readonly CpModel _model;
    private readonly CpMttkrpTree _mttkrp;
    private Tensor? _lastMttkrp;
    private Tensor[]? _lastFactors;
    private int _lastMode = -1;

    /// <summary>The sweep on <paramref name="data"/>, computing ‖X‖² itself.</summary>
    public CpAlsSweep(Tensor data, CpModel model)
        : this(data, model, Square(data.Detach().Norm().Item()))
    {
    }

    /// <summary>The sweep on <paramref name="data"/> with ‖X‖² already known.</summary>
    public CpAlsSweep(Tensor data, CpModel model, double normSquared)
    {
        _data = data;
        _model = model;
        _mttkrp = new CpMttkrpTree(data);
        NormSquared = normSquared;
    }

    /// <summary>‖X‖².</summary>
    public double NormSquared { get; }

    /// <summary>One closed-form block per factor, in mode order.</summary>
    public Block[] Blocks() =>
        [.. Enumerable.Range(0, _model.Factors.Count).Select(n => Block.ClosedForm($"factor{n}", [_model.Factors[n]], _ => Solve(n)))];

    private void Solve(int n)
    {
        Tensor[] factors = _model.FactorValues();
        Tensor mttkrp = _mttkrp.Mode(factors, n);
        Tensor hadamard = factors.Where((_, m) => m != n).Select(Gram).Aggregate((p, g) => p * g);
        Tensor scaled = TN.Linalg.LeastSquares(hadamard, mttkrp.Transpose(0, 1)).Transpose(0, 1);
        Tensor norms = scaled.Square().Sum(0).Sqrt();
        Tensor divisor = TN.Tensor(norms.ToArray<double>().Select(v => v > 0 ? v : 1).ToArray(), norms.Size(0)).To(norms.DType);
        _model.Factors[n].Value = scaled / divisor;
        _model.Weights.Value = norms;
        _lastMttkrp = mttkrp;
        _lastFactors = _model.FactorValues();
        _lastMode = n;
    }

    /// <summary>‖X − X̂‖² for the batch (whose inputs are X).</summary>
    public Tensor SquaredError(Batch batch)
    {
        Tensor x = batch.Inputs;
        if (TN.IsGradEnabled || !ReferenceEquals(x, _data) || !LastMttkrpIsCurrent())
            return Residual.Dense(x, _model.Reconstruct());
        Tensor[] factors = _model.FactorValues();
        Tensor lambda = _model.Weights.Value;
        double inner = TN.Einsum("ir,ir,r->", _lastMttkrp!, factors[_lastMode], lambda).Item();
        Tensor hadamard = factors.Select(Gram).Aggregate((p, g) => p * g);
        double approxSquared = TN.Einsum("r,rs,s->", lambda, hadamard, lambda).Item();
        double expanded = NormSquared - 2 * inner + approxSquared;
        double value = Residual.Choose(NormSquared, expanded, () => Residual.Dense(x, _model.Reconstruct()).Item());
        return TN.Scalar(value, x.DType);
    }

    /// <summary>Whether every factor but the last-solved one is still the value its MTTKRP used.</summary>
    private bool LastMttkrpIsCurrent()
    {
        if (_lastFactors is null) return false;
        Tensor[] current = _model.FactorValues();
        for (int m = 0; m < current.Length; m++)
            if (m != _lastMode && !ReferenceEquals(current[m], _lastFactors[m])) return false;
        return true;
    }

    private static Tensor Gram(Tensor factor) => TN.Einsum("ir,is->rs", factor, factor);

    private static double Square(double value) => value * value;
}
