using TensorNetworks.Models.Decompositions;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// A tensor-train model with parameters <c>core{k}</c> (Gₖ, r_{k−1} × nₖ × rₖ, r₀ = r_N = 1), evaluated at
/// the observed entries by gathering core slices along the physical index and multiplying the chain per
/// entry, batched over the M entries: mᵢ = G₀[:, i₀, :] · G₁[:, i₁, :] ⋯ G_{N−1}[:, i_{N−1}, :].
/// </summary>
internal sealed class TtCompletionModel : CompletionModel
{
    private readonly Parameter[] _cores;

    /// <summary>Registers normal starting cores of standard deviation <paramref name="scale"/>.</summary>
    public TtCompletionModel(Shape shape, IReadOnlyList<int> ranks, DType dtype, double scale, Generator generator)
    {
        _cores = [.. shape.Select((n, k) => RegisterParameter($"core{k}", Start(generator, dtype, scale, ranks[k], n, ranks[k + 1])))];
    }

    /// <summary>The standard deviation s with (Π_{k=1}^{N−1} rₖ)·s^(2N) = rms².</summary>
    public static double MatchingScale(double rms, IReadOnlyList<int> ranks) =>
        Math.Pow(rms * rms / ranks.Aggregate(1.0, (p, r) => p * r), 1.0 / (2 * (ranks.Count - 1)));

    /// <inheritdoc/>
    public override Tensor Predict(ObservedEntries observed)
    {
        Tensor chain = Slices(observed, 0);
        for (int k = 1; k < _cores.Length; k++) chain = chain.MatMul(Slices(observed, k));
        return chain.Reshape(observed.Count);
    }

    /// <summary>The current cores as a <see cref="TensorTrain"/> (copies cut from the tape).</summary>
    public TensorTrain Snapshot() => new([.. _cores.Select(p => p.Value.Detach().Clone())]);

    /// <summary>Gₖ[:, iₖ, :] for every observed entry: M × r_{k−1} × rₖ.</summary>
    private Tensor Slices(ObservedEntries observed, int mode) =>
        _cores[mode].Value.Permute(1, 0, 2).IndexSelect(0, observed.ModeIndicesView(mode));
}
