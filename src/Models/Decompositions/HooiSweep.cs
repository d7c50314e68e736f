using TensorNetworks.Training.Data;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The closed-form blocks and objective of HOOI on a <see cref="HooiModel"/>. Factor block n sets Uₙ to the
/// Rₙ leading left singular vectors of Y₍ₙ₎, Y = X ×_{m≠n} Uₘᵀ (the maximizer of ‖X ×ₘ Uₘᵀ‖ over Uₙ with
/// orthonormal columns); the last block sets the optimal core G = X ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ. The
/// objective is ‖X − X̂‖², which for orthonormal factors and that core is ‖X‖² − ‖G‖²; outside autodiff it
/// is computed so whenever the core is the one the core block made from the current factors.
/// </summary>
internal sealed class HooiSweep
{
    private readonly Tensor _data;
    private readonly HooiModel _model;
    private Tensor[]? _coreFactors;
    private Tensor? _core;

    public HooiSweep(Tensor data, HooiModel model)
    {
        _data = data;
        _model = model;
        using var _ = TN.NoGrad();
        NormSquared = data.Square().Sum().Item();
    }

    /// <summary>‖X‖².</summary>
    public double NormSquared { get; }

    /// <summary>One block per factor in mode order, then the core block.</summary>
    public Block[] Blocks() =>
    [
        .. Enumerable.Range(0, _model.Factors.Count).Select(n => Block.ClosedForm($"factor{n}", [_model.Factors[n]], _ => SolveFactor(n))),
        Block.ClosedForm("core", [_model.Core], _ => SolveCore()),
    ];

    private void SolveFactor(int n)
    {
        Tensor[] factors = _model.FactorValues();
        Tensor y = _data;
        for (int m = 0; m < factors.Length; m++)
            if (m != n) y = TN.Linalg.ModeProduct(y, factors[m].Transpose(0, 1), m);
        _model.Factors[n].Value = Hosvd.LeadingLeftSingularVectors(TN.Linalg.Unfold(y, n), factors[n].Size(1));
    }

    private void SolveCore()
    {
        Tensor[] factors = _model.FactorValues();
        _model.Core.Value = Hosvd.Project(_data, factors);
        _core = _model.Core.Value;
        _coreFactors = factors;
    }

    /// <summary>‖X − X̂‖² for the batch (whose inputs are X).</summary>
    public Tensor SquaredError(Batch batch)
    {
        Tensor x = batch.Inputs;
        if (TN.IsGradEnabled || !ReferenceEquals(x, _data) || !CoreIsCurrent())
            return Residual.Dense(x, _model.Reconstruct());
        double expanded = NormSquared - _core!.Square().Sum().Item();
        double value = Residual.Choose(NormSquared, expanded, () => Residual.Dense(x, _model.Reconstruct()).Item());
        return TN.Scalar(value, x.DType);
    }

    private bool CoreIsCurrent()
    {
        if (_coreFactors is null || !ReferenceEquals(_model.Core.Value, _core)) return false;
        Tensor[] current = _model.FactorValues();
        for (int m = 0; m < current.Length; m++)
            if (!ReferenceEquals(current[m], _coreFactors[m])) return false;
        return true;
    }
}
