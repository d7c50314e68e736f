namespace TensorNetworks;

/// <summary>
/// How one pairwise contraction runs, decided once from the operands' labels and extents (see
/// <see cref="PairwiseContraction.Plan"/>): labels summed out of either operand first, whether the
/// operands trade places, and then either a GEMM (each side permuted only when its axes are not already
/// in GEMM order, then viewed as [batch,] rows × columns, the transposition a GEMM flag) or a broadcast
/// multiply (each side permuted and given extent-1 axes for the other's free labels).
/// </summary>
/// <param name="SumLeft">Axes of the left operand summed before contracting, or null.</param>
/// <param name="SumRight">Axes of the right operand summed before contracting, or null.</param>
/// <param name="Swap">Whether the GEMM or multiply takes the right operand first.</param>
/// <param name="Kind">The contraction's kind; GEMM kinds multiply, the others broadcast-multiply.</param>
/// <param name="First">The first factor's permutation and shape.</param>
/// <param name="Second">The second factor's permutation and shape.</param>
/// <param name="ResultDims">Extents of the result (batch, first's free, second's free labels).</param>
/// <param name="ResultLabels">Labels of the result's axes.</param>
internal sealed record PairwiseStep(int[]? SumLeft, int[]? SumRight, bool Swap, PairwiseKind Kind,
    PairwiseFactor First, PairwiseFactor Second, int[] ResultDims, int[] ResultLabels)
{
    /// <summary>Contracts <paramref name="left"/> with <paramref name="right"/> as planned; recorded for autodiff.</summary>
    internal Tensor Run(Tensor left, Tensor right)
    {
        if (SumLeft is not null) left = left.Sum(SumLeft);
        if (SumRight is not null) right = right.Sum(SumRight);
        if (Swap) (left, right) = (right, left);
        Tensor a = First.Arrange(left), b = Second.Arrange(right);
        if (Kind is PairwiseKind.Gemm or PairwiseKind.BatchedGemm)
            return TN.MatMulCore(a, First.Transposed, b, Second.Transposed).Reshape(ResultDims);
        return a * b;
    }
}

/// <summary>One factor of a pairwise step: permuted by <paramref name="Permutation"/> (null: as it is),
/// then viewed with <paramref name="Dims"/>; <paramref name="Transposed"/> says the GEMM reads it transposed.</summary>
internal sealed record PairwiseFactor(int[]? Permutation, int[] Dims, bool Transposed)
{
    internal Tensor Arrange(Tensor t) => (Permutation is null ? t : t.Permute(Permutation)).Reshape(Dims);
}
