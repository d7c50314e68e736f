using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// The minimum-FLOPs contraction order by dynamic programming over subsets of operands:
/// best(S) = min over splits S = S₁ ⊔ S₂ of best(S₁) + best(S₂) + flops(legs(S₁), legs(S₂)),
/// where legs(S) are the labels of S that the output or an operand outside S still needs.
/// Among splits of equal cost it prefers one whose halves carry a prefix and a suffix of the output labels,
/// the larger half the prefix (<see cref="LayoutScore"/>), so that products land in output order without permutes.
/// Exponential (3ⁿ splits), so used for small n.
/// </summary>
internal static class OptimalPathFinder
{
    internal const int MaxOperands = 16;

    /// <summary>The optimal steps; <paramref name="problem"/> names the problem when an error is thrown.</summary>
    /// <exception cref="ArgumentException">When there are more than <see cref="MaxOperands"/> operands, or no
    /// order keeps every intermediate (the result aside) within <paramref name="memoryLimit"/>.</exception>
    internal static List<ContractionStep> Find(int[][] inputs, int[] output, PathCost cost, long? memoryLimit, Func<string> problem)
    {
        int n = inputs.Length;
        if (n > MaxOperands)
            throw new ArgumentException($"{problem()}: the optimal path finder handles at most {MaxOperands} operands, got {n}; use PathFinder.Greedy or Auto.");
        var occurs = new Dictionary<int, ulong>();
        for (int i = 0; i < n; i++)
            foreach (int l in inputs[i])
                occurs[l] = occurs.GetValueOrDefault(l) | (1UL << i);

        int full = (1 << n) - 1;
        var legs = new int[full + 1][];
        var best = new double[full + 1];
        var split = new int[full + 1];
        for (int s = 1; s <= full; s++)
        {
            legs[s] = Legs(s, inputs, occurs, cost);
            if (BitOperations.PopCount((uint)s) == 1) continue;
            best[s] = double.PositiveInfinity;
            bool limited = s != full && memoryLimit is long limit && cost.Size(legs[s]) > limit;
            if (limited) continue;
            int low = s & -s;
            int bestScore = -1; // the LayoutScore of split[s], computed at its first tie
            for (int a = (s - 1) & s; a > 0; a = (a - 1) & s)
            {
                if ((a & low) == 0) continue;
                int b = s ^ a;
                double c = best[a] + best[b];
                if (c > best[s] * (1 + 1e-12)) continue;
                c += cost.Flops(legs[a], legs[b], legs[s]);
                if (c < best[s] * (1 - 1e-12))
                {
                    best[s] = c;
                    split[s] = a;
                    bestScore = -1;
                    continue;
                }
                if (!double.IsFinite(c) || c > best[s] * (1 + 1e-12)) continue;
                if (bestScore < 0) bestScore = LayoutScore(legs[split[s]], legs[s ^ split[s]], legs[s], output, cost);
                int score = LayoutScore(legs[a], legs[b], legs[s], output, cost);
                if (score <= bestScore) continue;
                best[s] = c;
                split[s] = a;
                bestScore = score;
            }
        }
        if (double.IsPositiveInfinity(best[full]))
            throw new ArgumentException($"{problem()}: no contraction order keeps every intermediate within the memory limit of {memoryLimit} elements; raise PlanOptions.MemoryLimit (the result itself is not limited).");

        var steps = new List<ContractionStep>(n - 1);
        Emit(full, n, legs, split, cost, steps);
        return steps;
    }

    /// <summary>
    /// How well a split of a subset lays out its product, for breaking ties between splits of equal cost: 0 when
    /// the subset's output labels (in output order) are not a prefix carried by one half and a suffix carried by the
    /// other; 1 when they are and the smaller half carries the prefix; 2 when the larger half carries the prefix.
    /// With the larger half in front, the product appends the smaller half's labels: for the last product C has
    /// many short rows, which the cores fill as contiguous halves (on this project's machine the Tucker
    /// reconstruction's last product took 17 µs as 4096×8 · 8×64 against 29 µs as 64×8 · 8×4096), and each earlier
    /// product leaves its labels in the order the next one reads them (the whole forward 47-49 against 59 µs).
    /// </summary>
    internal static int LayoutScore(int[] left, int[] right, int[] subsetLegs, int[] output, PathCost cost)
    {
        int[] sequence = [.. output.Where(subsetLegs.Contains)];
        if (!SplitsOutput(left, right, sequence)) return 0;
        int[] leading = sequence.Length > 0 && left.Contains(sequence[0]) ? left : right;
        int[] trailing = ReferenceEquals(leading, left) ? right : left;
        return cost.Size(leading) >= cost.Size(trailing) ? 2 : 1;
    }

    /// <summary>Whether the output is the output labels of one half followed by those of the other.</summary>
    private static bool SplitsOutput(int[] left, int[] right, int[] output)
    {
        int cut = 0;
        while (cut < output.Length && left.Contains(output[cut])) cut++;
        if (output.Skip(cut).All(right.Contains)) return true;
        cut = 0;
        while (cut < output.Length && right.Contains(output[cut])) cut++;
        return output.Skip(cut).All(left.Contains);
    }

    private static int[] Legs(int subset, int[][] inputs, Dictionary<int, ulong> occurs, PathCost cost)
    {
        var result = new List<int>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if ((subset & (1 << i)) == 0) continue;
            foreach (int l in inputs[i])
                if (!result.Contains(l) && (cost.IsOutput(l) || (occurs[l] & ~(ulong)(uint)subset) != 0)) result.Add(l);
        }
        return [.. result];
    }

    /// <summary>Appends the steps for <paramref name="subset"/> in post-order; returns its SSA id.</summary>
    private static int Emit(int subset, int n, int[][] legs, int[] split, PathCost cost, List<ContractionStep> steps)
    {
        if (BitOperations.PopCount((uint)subset) == 1) return BitOperations.TrailingZeroCount(subset);
        int a = split[subset], b = subset ^ a;
        int left = Emit(a, n, legs, split, cost, steps);
        int right = Emit(b, n, legs, split, cost, steps);
        steps.Add(new ContractionStep(left, right, legs[subset], cost.Flops(legs[a], legs[b], legs[subset]), cost.Size(legs[subset])));
        return n + steps.Count - 1;
    }
}
