namespace TensorNetworks;

/// <summary>
/// Runs a validated einsum: per operand, takes diagonals of repeated labels, drops axes of extent 1
/// that broadcast against a larger extent, and sums labels no one else needs; then contracts pairwise
/// in the planned (cached) order and permutes the result into the output order.
/// </summary>
internal static class EinsumExecutor
{
    internal static Tensor Run(EinsumProblem problem, IReadOnlyList<Tensor> operands, PlanOptions options)
    {
        int n = operands.Count;
        var output = new HashSet<int>(problem.Output);
        var live = new List<(Tensor Tensor, int[] Labels)>(2 * n);
        var holders = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            var (t, labels) = LabelDiagonal.Take(operands[i], problem.Inputs[i]);
            (t, labels) = DropBroadcastAxes(t, labels, problem.Sizes);
            int[] planned = problem.Reduced[i];
            (t, labels) = PairwiseContraction.SumOutPrivate(t, labels, [], planned.Contains);
            live.Add((t, labels));
            foreach (int l in labels) holders[l] = holders.GetValueOrDefault(l) + 1;
        }

        ContractionPlan plan = ContractionPlanner.Cached(problem.Reduced, problem.Output, problem.Sizes, options);
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            var (a, la) = live[step.Left];
            var (b, lb) = live[step.Right];
            foreach (int l in la) holders[l]--;
            foreach (int l in lb) holders[l]--;
            int[]? preferred = k == plan.Steps.Count - 1 ? problem.Output : null;
            var result = PairwiseContraction.Contract(a, la, b, lb, l => output.Contains(l) || holders[l] > 0, preferred);
            foreach (int l in result.Labels) holders[l] = holders.GetValueOrDefault(l) + 1;
            live.Add(result);
            live[step.Left] = default;
            live[step.Right] = default;
        }

        var (final, finalLabels) = live[^1];
        (final, finalLabels) = PairwiseContraction.SumOutPrivate(final, finalLabels, [], output.Contains);
        return ToOutputOrder(final, finalLabels, problem.Output);
    }

    private static (Tensor, int[]) DropBroadcastAxes(Tensor t, int[] labels, Dictionary<int, int> sizes)
    {
        bool any = false;
        for (int i = 0; i < labels.Length; i++) any |= t.Dims[i] == 1 && sizes[labels[i]] > 1;
        if (!any) return (t, labels);
        var keptDims = new List<int>();
        var keptLabels = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (t.Dims[i] == 1 && sizes[labels[i]] > 1) continue;
            keptDims.Add(t.Dims[i]);
            keptLabels.Add(labels[i]);
        }
        return (t.Reshape([.. keptDims]), [.. keptLabels]);
    }

    private static Tensor ToOutputOrder(Tensor t, int[] labels, int[] output)
    {
        if (labels.AsSpan().SequenceEqual(output)) return t;
        var perm = new int[output.Length];
        for (int i = 0; i < output.Length; i++) perm[i] = Array.IndexOf(labels, output[i]);
        return t.Permute(perm);
    }
}
