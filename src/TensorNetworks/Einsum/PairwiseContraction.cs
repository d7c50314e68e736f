namespace TensorNetworks;

/// <summary>
/// Plans the contraction of two labelled tensors as one GEMM-shaped operation: operands are permuted only
/// when their axes are not already in a GEMM layout (a transposed layout is a GEMM flag, not a copy),
/// viewed as [batch, m, k] and [batch, k, n], multiplied, and viewed as batch + left-free + right-free
/// labels. Products without a summed label run as broadcast multiplies. Every step of the resulting
/// <see cref="PairwiseStep"/> is a recorded op, so the backward of a contraction is again permutes,
/// reshapes and GEMMs. Planning reads only labels and extents.
/// </summary>
internal static class PairwiseContraction
{
    /// <summary>
    /// Plans contracting a (extents <paramref name="da"/>, labels <paramref name="la"/>) with b. The
    /// result's labels are batch + left-free + right-free. When <paramref name="preferredOrder"/> is given
    /// (the einsum's output order, on the last step), the groups are ordered — and the operands swapped —
    /// so that the GEMM writes that order directly, whenever permuting the operands for it copies fewer
    /// elements than permuting the result afterwards would.
    /// </summary>
    internal static PairwiseStep Plan(int[] da, int[] la, int[] db, int[] lb, Func<int, bool> keep, int[]? preferredOrder = null)
    {
        int[]? sumA = PrivateAxes(la, lb, keep), sumB = PrivateAxes(lb, la, keep);
        var a = new Operand(da, la).Without(sumA);
        var b = new Operand(db, lb).Without(sumB);
        PairwiseLayout layout = Choose(a, b, keep);
        int[] labels = [.. layout.Batch, .. layout.LeftFree, .. layout.RightFree];
        if (preferredOrder is not null && !labels.AsSpan().SequenceEqual(preferredOrder))
        {
            long resultPermute = CopiedElements(layout, a, b) + a.Extent(layout.Batch) * a.Extent(layout.LeftFree) * b.Extent(layout.RightFree);
            if (InOrder(layout, preferredOrder) is { } ordered && CopiedElements(ordered, a, b) <= resultPermute)
                return Build(sumA, sumB, false, a, b, ordered);
            PairwiseLayout swapped = Choose(b, a, keep);
            if (InOrder(swapped, preferredOrder) is { } orderedSwap && CopiedElements(orderedSwap, b, a) <= resultPermute)
                return Build(sumA, sumB, true, b, a, orderedSwap);
        }
        return Build(sumA, sumB, false, a, b, layout);
    }

    /// <summary>The axes of <paramref name="labels"/> that only it carries and nobody needs, or null.</summary>
    internal static int[]? PrivateAxes(int[] labels, int[] other, Func<int, bool> keep)
    {
        List<int>? axes = null;
        for (int i = 0; i < labels.Length; i++)
            if (Array.IndexOf(other, labels[i]) < 0 && !keep(labels[i])) (axes ??= []).Add(i);
        return axes?.ToArray();
    }

    private static PairwiseStep Build(int[]? sumA, int[]? sumB, bool swap, Operand a, Operand b, PairwiseLayout p)
    {
        int[] resultLabels = [.. p.Batch, .. p.LeftFree, .. p.RightFree];
        int[] resultDims = [.. a.Dims(p.Batch), .. a.Dims(p.LeftFree), .. b.Dims(p.RightFree)];
        if (p.Kind is PairwiseKind.Gemm or PairwiseKind.BatchedGemm)
        {
            int batch = a.Extent(p.Batch), m = a.Extent(p.LeftFree), k = a.Extent(p.Contracted), n = b.Extent(p.RightFree);
            PairwiseFactor first = GemmFactor(a, p.Batch, p.LeftFree, p.Contracted, batch, m, k);
            PairwiseFactor second = GemmFactor(b, p.Batch, p.Contracted, p.RightFree, batch, k, n);
            return new PairwiseStep(sumA, sumB, swap, p.Kind, first, second, resultDims, resultLabels);
        }
        int[] batchDims = a.Dims(p.Batch), leftDims = a.Dims(p.LeftFree), rightDims = b.Dims(p.RightFree);
        var left = new PairwiseFactor(a.PermutationTo([.. p.Batch, .. p.LeftFree]), [.. batchDims, .. leftDims, .. Ones(rightDims.Length)], false);
        var right = new PairwiseFactor(b.PermutationTo([.. p.Batch, .. p.RightFree]), [.. batchDims, .. Ones(leftDims.Length), .. rightDims], false);
        return new PairwiseStep(sumA, sumB, swap, p.Kind, left, right, resultDims, resultLabels);
    }

    /// <summary>
    /// Lays an operand out as [outer, first, second] with no copy when it already is, or as
    /// [outer, second, first] flagged transposed; otherwise permutes to [outer, first, second].
    /// </summary>
    private static PairwiseFactor GemmFactor(Operand t, int[] outer, int[] first, int[] second, int batch, int rows, int columns)
    {
        int[] straight = [.. outer, .. first, .. second];
        bool transposed = !t.Labels.AsSpan().SequenceEqual(straight) && t.Labels.AsSpan().SequenceEqual([.. outer, .. second, .. first]);
        int r = transposed ? columns : rows, c = transposed ? rows : columns;
        int[] dims = outer.Length > 0 ? [batch, r, c] : [r, c];
        return new PairwiseFactor(transposed ? null : t.PermutationTo(straight), dims, transposed);
    }

    private static int[] Ones(int count) => [.. Enumerable.Repeat(1, count)];

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

    private static PairwiseLayout Choose(Operand a, Operand b, Func<int, bool> keep)
    {
        PairwiseLayout byA = PairwiseLayout.Classify(a.Labels, b.Labels, keep, a.Labels);
        PairwiseLayout byB = PairwiseLayout.Classify(a.Labels, b.Labels, keep, b.Labels);
        return CopiedElements(byB, a, b) < CopiedElements(byA, a, b) ? byB : byA;
    }

    /// <summary>Elements a layout would copy by permuting (0 when both operands are GEMM-ready).</summary>
    private static long CopiedElements(PairwiseLayout p, Operand a, Operand b)
    {
        bool gemm = p.Kind is PairwiseKind.Gemm or PairwiseKind.BatchedGemm;
        long copied = 0;
        if (!Ready(a.Labels, gemm, p.Batch, p.LeftFree, p.Contracted)) copied += a.ElementCount;
        if (!Ready(b.Labels, gemm, p.Batch, p.Contracted, p.RightFree)) copied += b.ElementCount;
        return copied;
    }

    private static bool Ready(int[] labels, bool transposable, int[] outer, int[] first, int[] second)
    {
        int[] straight = [.. outer, .. first, .. second];
        return labels.AsSpan().SequenceEqual(straight) || (transposable && labels.AsSpan().SequenceEqual([.. outer, .. second, .. first]));
    }

    /// <summary>An operand's extents and labels, axis by axis.</summary>
    private readonly record struct Operand(int[] Shape, int[] Labels)
    {
        internal long ElementCount => TensorNetworks.Shape.ElementCountOf(Shape);

        /// <summary>This operand with <paramref name="axes"/> summed away.</summary>
        internal Operand Without(int[]? axes) => axes is null ? this
            : new Operand([.. Shape.Where((_, i) => !axes.Contains(i))], [.. Labels.Where((_, i) => !axes.Contains(i))]);

        internal int[] Dims(int[] group)
        {
            var dims = new int[group.Length];
            for (int i = 0; i < group.Length; i++) dims[i] = Shape[Array.IndexOf(Labels, group[i])];
            return dims;
        }

        internal int Extent(int[] group) => TensorNetworks.Shape.ElementCountOf(Dims(group));

        /// <summary>The permutation taking this operand's axes to <paramref name="target"/>'s order, or null when they are in it.</summary>
        internal int[]? PermutationTo(int[] target)
        {
            if (Labels.AsSpan().SequenceEqual(target)) return null;
            var perm = new int[target.Length];
            for (int i = 0; i < target.Length; i++) perm[i] = Array.IndexOf(Labels, target[i]);
            return perm;
        }
    }
}
