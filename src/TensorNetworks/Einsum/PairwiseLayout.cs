namespace TensorNetworks;

/// <summary>How one pairwise contraction is executed.</summary>
internal enum PairwiseKind
{
    /// <summary>Every label is shared and kept: an elementwise product.</summary>
    Elementwise,

    /// <summary>No label is shared: an outer product.</summary>
    Outer,

    /// <summary>Shared labels are all kept: a batched outer product (broadcast multiply).</summary>
    BatchedOuter,

    /// <summary>Some shared labels are summed, none kept: one GEMM.</summary>
    Gemm,

    /// <summary>Some shared labels are summed and some kept: a batched GEMM.</summary>
    BatchedGemm,
}

/// <summary>
/// The label classes of a pairwise contraction of A and B given the labels to keep: batch (in both,
/// kept), contracted (in both, summed), left-free (A only) and right-free (B only). Labels in one
/// operand only that are not kept must be summed out before classifying.
/// </summary>
internal sealed record PairwiseLayout(int[] Batch, int[] Contracted, int[] LeftFree, int[] RightFree)
{
    internal PairwiseKind Kind => (Contracted.Length, Batch.Length, LeftFree.Length + RightFree.Length) switch
    {
        (0, _, 0) => PairwiseKind.Elementwise,
        (0, 0, _) => PairwiseKind.Outer,
        (0, _, _) => PairwiseKind.BatchedOuter,
        (_, 0, _) => PairwiseKind.Gemm,
        _ => PairwiseKind.BatchedGemm,
    };

    /// <summary>Classifies; group orders follow <paramref name="order"/> (A's or B's label order).</summary>
    internal static PairwiseLayout Classify(int[] a, int[] b, Func<int, bool> keep, int[] order)
    {
        var batch = new List<int>();
        var contracted = new List<int>();
        foreach (int l in order)
        {
            if (!a.Contains(l) || !b.Contains(l)) continue;
            (keep(l) ? batch : contracted).Add(l);
        }
        int[] left = [.. a.Where(l => !b.Contains(l))];
        int[] right = [.. b.Where(l => !a.Contains(l))];
        foreach (int l in left.Concat(right))
        {
            if (!keep(l))
                throw new InvalidOperationException($"Internal error: label {EinsumEquation.LabelName(l)} is in one operand only and not kept; it should have been summed out first.");
        }
        return new PairwiseLayout([.. batch], [.. contracted], left, right);
    }
}
