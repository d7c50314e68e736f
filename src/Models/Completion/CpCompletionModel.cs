using TensorNetworks.Models.Decompositions;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// A rank-R CP model with unit weights, parameters <c>factor{k}</c> (Aₖ, Iₖ × R), evaluated at the observed
/// entries by gathering factor rows: mᵢ = Σᵣ Πₖ Aₖ[iₖ, r].
/// </summary>
internal sealed class CpCompletionModel : CompletionModel
{
    private readonly Parameter[] _factors;

    /// <summary>Registers normal starting factors of standard deviation <paramref name="scale"/>.</summary>
    public CpCompletionModel(Shape shape, int rank, DType dtype, double scale, Generator generator)
    {
        _factors = [.. shape.Select((d, k) => RegisterParameter($"factor{k}", Start(generator, dtype, scale, d, rank)))];
    }

    /// <summary>The factor parameters A₀, …, A_{N−1}.</summary>
    public IReadOnlyList<Parameter> Factors => _factors;

    /// <summary>The standard deviation s with R·s^(2N) = rms², so that the model's entries have variance rms².</summary>
    public static double MatchingScale(double rms, int order, int rank) => Math.Pow(rms * rms / rank, 1.0 / (2 * order));

    /// <inheritdoc/>
    public override Tensor Predict(ObservedEntries observed) =>
        CpEntries.Evaluate([.. _factors.Select(p => p.Value)], [.. Enumerable.Range(0, _factors.Length).Select(observed.ModeIndicesView)]);

    /// <summary>
    /// The closed-form gradient of <see cref="CompletionModel.Loss"/>, generalizing the matrix-completion
    /// derivation to N modes: with residual eᵢ = xᵢ − mᵢ,
    /// ∂L/∂Aₖ[p, r] = −Σ_{i∈Ω, iₖ=p} eᵢ Π_{j≠k} Aⱼ[iⱼ, r] + λ Aₖ[p, r], i.e. ∂L/∂Aₖ = −Sₖᵀ(e ⊙ Π_{j≠k} Aⱼ[i_j, :]) + λAₖ
    /// with Sₖ the M × Iₖ selection matrix of mode k. Computed without recording.
    /// </summary>
    public Tensor[] ClosedFormGradients(ObservedEntries observed, double l2Penalty)
    {
        using var _ = TN.NoGrad();
        Tensor[] rows = [.. Enumerable.Range(0, _factors.Length).Select(k => Rows(observed, k))];
        Tensor residual = observed.Values - Predict(observed);
        var gradients = new Tensor[_factors.Length];
        for (int k = 0; k < _factors.Length; k++)
        {
            Tensor others = residual.Reshape(-1, 1);
            for (int j = 0; j < rows.Length; j++)
                if (j != k) others = others * rows[j];
            Tensor selection = Selection(observed.ModeIndicesView(k), _factors[k].Shape[0], observed.DType);
            gradients[k] = -selection.Transpose(0, 1).MatMul(others) + _factors[k].Value * l2Penalty;
        }
        return gradients;
    }

    /// <summary>The current factors as a <see cref="CpTensor"/> with unit weights (copies cut from the tape).</summary>
    public CpTensor Snapshot() => new([.. _factors.Select(p => p.Value.Detach().Clone())]);

    private Tensor Rows(ObservedEntries observed, int mode) => _factors[mode].Value.IndexSelect(0, observed.ModeIndicesView(mode));

    private static Tensor Selection(int[] indices, int extent, DType dtype)
    {
        var s = new double[indices.Length * extent];
        for (int j = 0; j < indices.Length; j++) s[j * extent + indices[j]] = 1;
        return TN.Tensor(s, indices.Length, extent).To(dtype);
    }
}
