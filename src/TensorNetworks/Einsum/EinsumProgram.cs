namespace TensorNetworks;

/// <summary>
/// An einsum compiled for one set of operand shapes: every decision that depends only on labels and
/// extents — diagonals of repeated labels, broadcast axes dropped, labels summed out of one operand, the
/// planned contraction order, each step's layout, and the final permutation — made once. Running it is
/// the tensor ops alone, so a training loop pays for planning and layout on its first step only.
/// </summary>
internal sealed class EinsumProgram
{
    private readonly OperandPreparation[] _operands;
    private readonly (int Left, int Right, PairwiseStep Step)[] _steps;
    private readonly int[]? _finalSum;
    private readonly int[]? _finalPermutation;

    private EinsumProgram(OperandPreparation[] operands, (int, int, PairwiseStep)[] steps, int[]? finalSum, int[]? finalPermutation)
    {
        _operands = operands;
        _steps = steps;
        _finalSum = finalSum;
        _finalPermutation = finalPermutation;
    }

    /// <summary>Contracts <paramref name="operands"/> (of the shapes compiled for).</summary>
    internal Tensor Run(IReadOnlyList<Tensor> operands)
    {
        var live = new Tensor?[_operands.Length + _steps.Length];
        for (int i = 0; i < _operands.Length; i++) live[i] = _operands[i].Apply(operands[i]);
        for (int k = 0; k < _steps.Length; k++)
        {
            var (left, right, step) = _steps[k];
            live[_operands.Length + k] = step.Run(live[left]!, live[right]!);
            live[left] = live[right] = null;
        }
        Tensor result = live[^1]!;
        if (_finalSum is not null) result = result.Sum(_finalSum);
        return _finalPermutation is null ? result : result.Permute(_finalPermutation);
    }

    /// <summary>
    /// Compiles <paramref name="problem"/> for operands of extents <paramref name="shapes"/>: per operand,
    /// takes diagonals of repeated labels, drops axes of extent 1 that broadcast against a larger extent,
    /// and sums labels no one else needs; then plans the pairwise order (cached) and each step's layout,
    /// and the permutation into the output order.
    /// </summary>
    internal static EinsumProgram Compile(EinsumProblem problem, IReadOnlyList<int[]> shapes, PlanOptions options)
    {
        int n = shapes.Count;
        var output = new HashSet<int>(problem.Output);
        var live = new List<(int[] Dims, int[] Labels)>(2 * n);
        var holders = new Dictionary<int, int>();
        var operands = new OperandPreparation[n];
        for (int i = 0; i < n; i++)
        {
            LabelDiagonal? diagonal = LabelDiagonal.Plan(shapes[i], problem.Inputs[i], out int[] labels);
            int[] dims = diagonal?.Dims ?? shapes[i];
            (int[]? view, labels) = DropBroadcastAxes(dims, labels, problem.Sizes);
            dims = view ?? dims;
            int[] planned = problem.Reduced[i];
            int[]? sum = PairwiseContraction.PrivateAxes(labels, [], planned.Contains);
            if (sum is not null) (dims, labels) = Without(dims, labels, sum);
            operands[i] = new OperandPreparation(diagonal, view, sum);
            live.Add((dims, labels));
            foreach (int l in labels) holders[l] = holders.GetValueOrDefault(l) + 1;
        }

        ContractionPlan plan = ContractionPlanner.Cached(problem.Reduced, problem.Output, problem.Sizes, options, problem.Names);
        var steps = new (int, int, PairwiseStep)[plan.Steps.Count];
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep planned = plan.Steps[k];
            var (da, la) = live[planned.Left];
            var (db, lb) = live[planned.Right];
            foreach (int l in la) holders[l]--;
            foreach (int l in lb) holders[l]--;
            int[]? preferred = k == plan.Steps.Count - 1 ? problem.Output : null;
            PairwiseStep step = PairwiseContraction.Plan(da, la, db, lb, l => output.Contains(l) || holders[l] > 0, preferred);
            foreach (int l in step.ResultLabels) holders[l] = holders.GetValueOrDefault(l) + 1;
            live.Add((step.ResultDims, step.ResultLabels));
            steps[k] = (planned.Left, planned.Right, step);
        }

        var (finalDims, finalLabels) = live[^1];
        int[]? finalSum = PairwiseContraction.PrivateAxes(finalLabels, [], output.Contains);
        if (finalSum is not null) (_, finalLabels) = Without(finalDims, finalLabels, finalSum);
        return new EinsumProgram(operands, steps, finalSum, PermutationTo(finalLabels, problem.Output));
    }

    /// <summary>The extents and labels without the axes of extent 1 that broadcast against another extent (0 included);
    /// null extents (and the labels as given) when there is none.</summary>
    private static (int[]? View, int[] Labels) DropBroadcastAxes(int[] dims, int[] labels, Dictionary<int, int> sizes)
    {
        bool any = false;
        for (int i = 0; i < labels.Length; i++) any |= dims[i] == 1 && sizes[labels[i]] != 1;
        if (!any) return (null, labels);
        var keptDims = new List<int>();
        var keptLabels = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (dims[i] == 1 && sizes[labels[i]] != 1) continue;
            keptDims.Add(dims[i]);
            keptLabels.Add(labels[i]);
        }
        return ([.. keptDims], [.. keptLabels]);
    }

    private static (int[] Dims, int[] Labels) Without(int[] dims, int[] labels, int[] axes)
        => ([.. dims.Where((_, i) => !axes.Contains(i))], [.. labels.Where((_, i) => !axes.Contains(i))]);

    private static int[]? PermutationTo(int[] labels, int[] output)
    {
        if (labels.AsSpan().SequenceEqual(output)) return null;
        var perm = new int[output.Length];
        for (int i = 0; i < output.Length; i++) perm[i] = Array.IndexOf(labels, output[i]);
        return perm;
    }

    /// <summary>What happens to one operand before contracting: a diagonal, a view without broadcast axes, a sum.</summary>
    private sealed record OperandPreparation(LabelDiagonal? Diagonal, int[]? View, int[]? Sum)
    {
        internal Tensor Apply(Tensor t)
        {
            if (Diagonal is not null) t = Diagonal.Take(t);
            if (View is not null) t = t.Reshape(View);
            return Sum is null ? t : t.Sum(Sum);
        }
    }
}
