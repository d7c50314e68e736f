namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The MTTKRPs of one CP-ALS sweep over an order-N tensor X (N ≥ 3) with two passes over X instead of N
/// (a two-level dimension tree). The partial P = X ×_{N−1} A_{N−1}, an I₀ × ⋯ × I_{N−2} × R tensor with
/// P[i₀, …, i_{N−2}, r] = Σ_{i_{N−1}} X[i₀, …, i_{N−1}]·A_{N−1}[i_{N−1}, r], is one GEMM on X as stored and
/// serves every mode n &lt; N−1 through <see cref="TN.Linalg.MttkrpWithRankAxis"/>, Mₙ[iₙ, r] =
/// Σ P[i₀, …, i_{N−2}, r]·Π_{m&lt;N−1, m≠n} Aₘ[iₘ, r], a pass over the small P (R/I_{N−1} of X's size). P is
/// reused while A_{N−1} is the same tensor as when it was formed, which in ALS order (modes 0, 1, …, N−1)
/// holds for all of modes 0..N−2. Mode N−1, order-2 and empty tensors, and calls while autodiff records,
/// use <see cref="TN.Linalg.Mttkrp"/> (one GEMM each).
/// </summary>
internal sealed class CpMttkrpTree(Tensor data)
{
    private Tensor? _partial;
    private Tensor? _partialFactor;

    /// <summary>Mₙ = X₍ₙ₎·(⊙_{m≠n} Aₘ) for the current <paramref name="factors"/> (factors[n] is not read).</summary>
    public Tensor Mode(Tensor[] factors, int n)
    {
        int order = factors.Length, last = order - 1;
        if (order < 3 || n == last || data.ElementCount == 0 || TN.IsGradEnabled) return TN.Linalg.Mttkrp(data, factors, n);
        return TN.Linalg.MttkrpWithRankAxis(Partial(factors[last]), factors[..last], n);
    }

    /// <summary>P = X ×_{N−1} A_{N−1}, recomputed only when <paramref name="factor"/> is a new tensor.</summary>
    private Tensor Partial(Tensor factor)
    {
        if (_partial is not null && ReferenceEquals(factor, _partialFactor)) return _partial;
        int size = data.Size(-1), rank = factor.Size(1);
        int[] dims = data.Shape.ToArray();
        dims[^1] = rank;
        _partial = TN.MatMul(data.Reshape(data.ElementCount / size, size), factor).Reshape(dims);
        _partialFactor = factor;
        return _partial;
    }
}
