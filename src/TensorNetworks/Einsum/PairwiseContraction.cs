namespace TensorNetworks;

/// <summary>
/// Contracts two labelled tensors in one GEMM-shaped operation: operands are permuted only when their
/// axes are not already in a GEMM layout (a transposed layout is a GEMM flag, not a copy), reshaped to
/// [batch, m, k] and [batch, k, n], multiplied, and reshaped to batch + left-free + right-free labels.
/// Products without a summed label run as broadcast multiplies. Every step is a recorded op, so the
/// backward of a contraction is again permutes, reshapes and GEMMs.
/// </summary>
internal static class PairwiseContraction
{
    /// <summary>
    /// Contracts a with b. The result's labels are batch + left-free + right-free. When
    /// <paramref name="preferredOrder"/> is given (the einsum's output order, on the last step), the groups
    /// are ordered — and the operands swapped — so that the GEMM writes that order directly, whenever
    /// permuting the operands for it copies fewer elements than permuting the result afterwards would.
    /// </summary>
    internal static (Tensor Tensor, int[] Labels) Contract(Tensor a, int[] la, Tensor b, int[] lb, Func<int, bool> keep, int[]? preferredOrder = null)
    {
        (a, la) = SumOutPrivate(a, la, lb, keep);
        (b, lb) = SumOutPrivate(b, lb, la, keep);
        PairwiseLayout layout = Choose(a, la, b, lb, keep);
        int[] labels = [.. layout.Batch, .. layout.LeftFree, .. layout.RightFree];
        if (preferredOrder is not null && !labels.AsSpan().SequenceEqual(preferredOrder))
        {
            long resultPermute = CopiedElements(layout, a, la, b, lb) + Extent(a, la, layout.Batch) * Extent(a, la, layout.LeftFree) * Extent(b, lb, layout.RightFree);
            if (InOrder(layout, preferredOrder) is { } ordered && CopiedElements(ordered, a, la, b, lb) <= resultPermute)
                return (Run(a, la, b, lb, ordered), preferredOrder);
            PairwiseLayout swapped = Choose(b, lb, a, la, keep);
            if (InOrder(swapped, preferredOrder) is { } orderedSwap && CopiedElements(orderedSwap, b, lb, a, la) <= resultPermute)
                return (Run(b, lb, a, la, orderedSwap), preferredOrder);
        }
        return (Run(a, la, b, lb, layout), labels);
    }

    private static Tensor Run(Tensor a, int[] la, Tensor b, int[] lb, PairwiseLayout layout) =>
        layout.Kind is PairwiseKind.Gemm or PairwiseKind.BatchedGemm
            ? Gemm(a, la, b, lb, layout)
            : BroadcastMultiply(a, la, b, lb, layout);

    /// <summary>The layout with its batch, left-free and right-free groups reordered to read
    /// <paramref name="order"/> when concatenated, or null when the order interleaves the groups.</summary>
    private static PairwiseLayout? InOrder(PairwiseLayout layout, int[] order)
    {
        int nb = layout.Batch.Length, nl = layout.LeftFree.Length, nr = layout.RightFree.Length;
        if (order.Length != nb + nl + nr) return null;
        int[] batch = order[..nb], left = order[nb..(nb + nl)], right = order[(nb + nl)..];
        bool same = batch.All(layout.Batch.Contains) && left.All(layout.LeftFree.Contains) && right.All(layout.RightFree.Contains);
        return same ? layout with { Batch = batch, LeftFree = left, RightFree = right } : null;
    }

    private static PairwiseLayout Choose(Tensor a, int[] la, Tensor b, int[] lb, Func<int, bool> keep)
    {
        PairwiseLayout byA = PairwiseLayout.Classify(la, lb, keep, la);
        PairwiseLayout byB = PairwiseLayout.Classify(la, lb, keep, lb);
        return CopiedElements(byB, a, la, b, lb) < CopiedElements(byA, a, la, b, lb) ? byB : byA;
    }

    /// <summary>Sums the labels that only <paramref name="labels"/> carries and nobody needs.</summary>
    internal static (Tensor, int[]) SumOutPrivate(Tensor t, int[] labels, int[] other, Func<int, bool> keep)
    {
        var axes = new List<int>();
        for (int i = 0; i < labels.Length; i++)
            if (!other.Contains(labels[i]) && !keep(labels[i])) axes.Add(i);
        if (axes.Count == 0) return (t, labels);
        return (t.Sum([.. axes]), [.. labels.Where((_, i) => !axes.Contains(i))]);
    }

    private static Tensor Gemm(Tensor a, int[] la, Tensor b, int[] lb, PairwiseLayout p)
    {
        var (ta, transA) = Arrange(a, la, p.Batch, p.LeftFree, p.Contracted);
        var (tb, transB) = Arrange(b, lb, p.Batch, p.Contracted, p.RightFree);
        int batch = Extent(a, la, p.Batch), m = Extent(a, la, p.LeftFree), k = Extent(a, la, p.Contracted), n = Extent(b, lb, p.RightFree);
        bool batched = p.Batch.Length > 0;
        Tensor a3 = batched ? ta.Reshape(batch, transA ? k : m, transA ? m : k) : ta.Reshape(transA ? k : m, transA ? m : k);
        Tensor b3 = batched ? tb.Reshape(batch, transB ? n : k, transB ? k : n) : tb.Reshape(transB ? n : k, transB ? k : n);
        Tensor c = TN.MatMulCore(a3, transA, b3, transB);
        return c.Reshape([.. Dims(a, la, p.Batch), .. Dims(a, la, p.LeftFree), .. Dims(b, lb, p.RightFree)]);
    }

    private static Tensor BroadcastMultiply(Tensor a, int[] la, Tensor b, int[] lb, PairwiseLayout p)
    {
        Tensor ta = Permuted(a, la, [.. p.Batch, .. p.LeftFree]);
        Tensor tb = Permuted(b, lb, [.. p.Batch, .. p.RightFree]);
        int[] batchDims = Dims(a, la, p.Batch), leftDims = Dims(a, la, p.LeftFree), rightDims = Dims(b, lb, p.RightFree);
        Tensor a2 = ta.Reshape([.. batchDims, .. leftDims, .. Enumerable.Repeat(1, rightDims.Length)]);
        Tensor b2 = tb.Reshape([.. batchDims, .. Enumerable.Repeat(1, leftDims.Length), .. rightDims]);
        return a2 * b2;
    }

    /// <summary>
    /// Lays <paramref name="t"/> out as [outer, first, second] with no copy when it already is, or as
    /// [outer, second, first] flagged transposed; otherwise permutes to [outer, first, second].
    /// </summary>
    private static (Tensor, bool Transposed) Arrange(Tensor t, int[] labels, int[] outer, int[] first, int[] second)
    {
        int[] straight = [.. outer, .. first, .. second];
        if (labels.AsSpan().SequenceEqual(straight)) return (t, false);
        int[] swapped = [.. outer, .. second, .. first];
        if (labels.AsSpan().SequenceEqual(swapped)) return (t, true);
        return (Permuted(t, labels, straight), false);
    }

    private static Tensor Permuted(Tensor t, int[] labels, int[] target)
    {
        if (labels.AsSpan().SequenceEqual(target)) return t;
        var perm = new int[target.Length];
        for (int i = 0; i < target.Length; i++) perm[i] = Array.IndexOf(labels, target[i]);
        return t.Permute(perm);
    }

    /// <summary>Elements a layout would copy by permuting (0 when both operands are GEMM-ready).</summary>
    private static long CopiedElements(PairwiseLayout p, Tensor a, int[] la, Tensor b, int[] lb)
    {
        bool gemm = p.Kind is PairwiseKind.Gemm or PairwiseKind.BatchedGemm;
        long copied = 0;
        if (!Ready(la, gemm, p.Batch, p.LeftFree, p.Contracted)) copied += a.ElementCount;
        if (!Ready(lb, gemm, p.Batch, p.Contracted, p.RightFree)) copied += b.ElementCount;
        return copied;
    }

    private static bool Ready(int[] labels, bool transposable, int[] outer, int[] first, int[] second)
    {
        int[] straight = [.. outer, .. first, .. second];
        return labels.AsSpan().SequenceEqual(straight) || (transposable && labels.AsSpan().SequenceEqual([.. outer, .. second, .. first]));
    }

    private static int[] Dims(Tensor t, int[] labels, int[] group)
    {
        var dims = new int[group.Length];
        for (int i = 0; i < group.Length; i++) dims[i] = t.Dims[Array.IndexOf(labels, group[i])];
        return dims;
    }

    private static int Extent(Tensor t, int[] labels, int[] group) => Shape.ElementCountOf(Dims(t, labels, group));
}
