namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Leading left singular vectors of a tall matrix C (m × n, m ≥ n) without its SVD: the Gram matrix CᵀC = V·diag(σ²)·Vᵀ
/// (n × n) in float64 — accumulated over row blocks converted one at a time when C is float32 — and then
/// U_r = orth(C·V_r) by a thin QR, so that U_r is orthonormal to working precision whatever σ₀/σ_{r−1}, and U_r·U_rᵀ·C
/// is an exact orthogonal projection of C. The SVD of a tall unfolding forms all n left vectors (60000×784 float32
/// Fashion-MNIST images: 5.3 s); this route costs the Gram matrix, one n × n eigendecomposition, two thin products and
/// a QR of an m × r matrix (~0.4 s there).
/// </summary>
/// <remarks>
/// The Gram matrix squares the condition number, so the kept σ_{r−1} must pass the float64 rule of
/// <see cref="GramSvdResult.IsAccurate"/> (σ_{r−1} ≥ 64·sqrt(eps₆₄)·σ₀); callers fall back to the SVD when it does not.
/// </remarks>
/// <example><code>
/// GramSvdResult right = TallGram.RightFactors(c, "Hosvd.Fit");           // right.U is V (n × n), right.S the σ in float64
/// if (right.IsAccurate(16)) u = TallGram.LeftVectors(c, right.U, 16);
/// </code></example>
internal static class TallGram
{
    /// <summary>Rows converted to float64 at a time when the Gram matrix of a float32 matrix is accumulated.</summary>
    private const int RowBlock = 4096;

    /// <summary>V and σ of C = U·diag(σ)·Vᵀ from the float64 Gram matrix CᵀC: the result's U is V (n × n), descending.
    /// <paramref name="context"/> names the caller in the error for a non-finite Gram matrix.</summary>
    internal static GramSvdResult RightFactors(Tensor c, string context)
    {
        Tensor gram = c.DType == DType.Float64 ? TN.Linalg.Gram(c, 1) : Float64Gram(c);
        if (!gram.AllFinite())
            throw new ArgumentException($"{context}: the Gram matrix of a {c.Size(0)}×{c.Size(1)} unfolding is not finite: the tensor has a NaN or infinite entry, or entries so large that their squares overflow; clean or rescale it first.");
        return TN.Linalg.SvdFromGram(gram);
    }

    /// <summary>orth(C·V[:, :rank]) in C's dtype (m × rank), by a thin QR.</summary>
    internal static Tensor LeftVectors(Tensor c, Tensor v, int rank)
        => TN.Linalg.Qr(TN.MatMul(c, v.Narrow(1, 0, rank).To(c.DType))).Q;

    /// <summary>CᵀC of a float32 C accumulated in float64, <see cref="RowBlock"/> rows converted at a time.</summary>
    private static Tensor Float64Gram(Tensor c)
    {
        int rows = c.Size(0);
        Tensor? gram = null;
        for (int start = 0; start < rows; start += RowBlock)
        {
            Tensor block = TN.Linalg.Gram(c.Narrow(0, start, Math.Min(RowBlock, rows - start)).To(DType.Float64), 1);
            if (gram is null) gram = block;
            else gram.AddInPlace(block);
        }
        return gram ?? TN.Zeros(DType.Float64, c.Size(1), c.Size(1));
    }
}
