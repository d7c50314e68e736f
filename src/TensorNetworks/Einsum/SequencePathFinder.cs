namespace TensorNetworks;

/// <summary>
/// The cheapest bracketing of the operands in the order given, by dynamic programming over contiguous runs (the
/// matrix-chain recurrence): best(i, j) = min over i ≤ k &lt; j of best(i, k) + best(k+1, j) + flops(legs(i..k),
/// legs(k+1..j)), where legs(i..j) are the labels of operands i..j that the output or an operand outside the run still
/// needs. O(n³) FLOP evaluations and O(n²) memory. Left to right is one bracketing, so the result is never dearer than
/// it; on a chain written in order it is the optimum. Ties between splits go to the better layout
/// (<see cref="OptimalPathFinder.LayoutScore"/>), then to the shorter left run.
/// </summary>
internal static class SequencePathFinder
{
    /// <summary>The cheapest bracketing's steps; <paramref name="problem"/> names the problem when an error is thrown.</summary>
    /// <exception cref="ArgumentException">When no bracketing keeps every intermediate (the result aside) within
    /// <paramref name="memoryLimit"/>.</exception>
    internal static List<ContractionStep> Find(int[][] inputs, int[] output, PathCost cost, long? memoryLimit, Func<string> problem)
    {
        int n = inputs.Length;
        var (first, last) = Occurrences(inputs);
        var legs = new int[n, n][];
        var best = new double[n, n];
        var split = new int[n, n];
        for (int i = 0; i < n; i++) legs[i, i] = RunLegs(i, i, inputs, first, last, cost);
        for (int length = 2; length <= n; length++)
        {
            for (int i = 0; i + length - 1 < n; i++)
            {
                int j = i + length - 1;
                int[] run = legs[i, j] = RunLegs(i, j, inputs, first, last, cost);
                best[i, j] = double.PositiveInfinity;
                if (length < n && memoryLimit is long limit && cost.Size(run) > limit) continue;
                int bestScore = -1;
                for (int k = i; k < j; k++)
                {
                    double c = best[i, k] + best[k + 1, j];
                    if (!double.IsFinite(c) || c > best[i, j] * (1 + 1e-12)) continue;
                    c += cost.Flops(legs[i, k], legs[k + 1, j], run);
                    if (c < best[i, j] * (1 - 1e-12))
                    {
                        (best[i, j], split[i, j], bestScore) = (c, k, -1);
                        continue;
                    }
                    if (c > best[i, j] * (1 + 1e-12)) continue;
                    int kept = split[i, j];
                    if (bestScore < 0) bestScore = OptimalPathFinder.LayoutScore(legs[i, kept], legs[kept + 1, j], run, output, cost);
                    int score = OptimalPathFinder.LayoutScore(legs[i, k], legs[k + 1, j], run, output, cost);
                    if (score > bestScore) (best[i, j], split[i, j], bestScore) = (c, k, score);
                }
            }
        }
        if (double.IsPositiveInfinity(best[0, n - 1]))
            throw new ArgumentException($"{problem()}: no bracketing of the operands in their order keeps every intermediate within the memory limit of {memoryLimit} elements; raise PlanOptions.MemoryLimit or use PathFinder.Greedy or Optimal.");
        var steps = new List<ContractionStep>(n - 1);
        Emit(0, n - 1, n, legs, split, cost, steps);
        return steps;
    }

    /// <summary>For every label, the first and last operand that carries it.</summary>
    internal static (Dictionary<int, int> First, Dictionary<int, int> Last) Occurrences(int[][] inputs)
    {
        var first = new Dictionary<int, int>();
        var last = new Dictionary<int, int>();
        for (int i = 0; i < inputs.Length; i++)
        {
            foreach (int l in inputs[i])
            {
                first.TryAdd(l, i);
                last[l] = i;
            }
        }
        return (first, last);
    }

    /// <summary>Labels of operands i..j, in first-appearance order, that the output or an operand outside the run needs.</summary>
    private static int[] RunLegs(int i, int j, int[][] inputs, Dictionary<int, int> first, Dictionary<int, int> last, PathCost cost)
    {
        var result = new List<int>();
        for (int t = i; t <= j; t++)
            foreach (int l in inputs[t])
                if (!result.Contains(l) && (cost.IsOutput(l) || first[l] < i || last[l] > j)) result.Add(l);
        return [.. result];
    }

    /// <summary>Appends the steps of run i..j in post-order; returns its SSA id.</summary>
    private static int Emit(int i, int j, int n, int[,][] legs, int[,] split, PathCost cost, List<ContractionStep> steps)
    {
        if (i == j) return i;
        int k = split[i, j];
        int left = Emit(i, k, n, legs, split, cost, steps);
        int right = Emit(k + 1, j, n, legs, split, cost, steps);
        steps.Add(new ContractionStep(left, right, legs[i, j], cost.Flops(legs[i, k], legs[k + 1, j], legs[i, j]), cost.Size(legs[i, j])));
        return n + steps.Count - 1;
    }
}
