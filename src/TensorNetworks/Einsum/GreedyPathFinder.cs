namespace TensorNetworks;

/// <summary>
/// Greedy contraction order: repeatedly contract the pair of operands sharing a label whose result
/// removes the most elements, size(result) − size(left) − size(right), ties broken by FLOPs and then
/// by operand ids; when no two operands share a label, take the outer product of the two smallest.
/// Candidate pairs sit in a priority queue and are re-scored lazily when popped, so a chain of n
/// cores plans in O(n log n).
/// </summary>
internal static class GreedyPathFinder
{
    /// <summary>The greedy steps; <paramref name="problem"/> names the problem when an error is thrown.</summary>
    /// <exception cref="ArgumentException">When the next intermediate (the result aside) exceeds <paramref name="memoryLimit"/>.</exception>
    internal static List<ContractionStep> Find(int[][] inputs, PathCost cost, long? memoryLimit, Func<string> problem)
    {
        int n = inputs.Length;
        var state = new State(cost);
        for (int i = 0; i < n; i++) state.Add(i, inputs[i]);
        var queue = new PriorityQueue<(int A, int B), (double Score, double Flops, int A, int B)>();
        foreach (var holders in state.Owners.Values)
            foreach (int a in holders)
                foreach (int b in holders)
                    if (a < b) queue.Enqueue((a, b), state.Score(a, b));

        var steps = new List<ContractionStep>(Math.Max(0, n - 1));
        while (state.Live.Count > 1)
        {
            int left, right;
            if (queue.TryDequeue(out var pair, out var priority))
            {
                if (!state.Live.ContainsKey(pair.A) || !state.Live.ContainsKey(pair.B)) continue;
                var current = state.Score(pair.A, pair.B);
                if (current.CompareTo(priority) > 0)
                {
                    queue.Enqueue(pair, current);
                    continue;
                }
                (left, right) = pair;
            }
            else
            {
                int[] smallest = [.. state.Live.OrderBy(kv => cost.Size(kv.Value)).ThenBy(kv => kv.Key).Take(2).Select(kv => kv.Key).Order()];
                (left, right) = (smallest[0], smallest[1]);
            }

            int[] labels = state.ResultLabels(left, right);
            double size = cost.Size(labels);
            if (memoryLimit is long limit && state.Live.Count > 2 && size > limit)
                throw new ArgumentException($"{problem()}: the greedy order's next intermediate has {size:G4} elements, over the memory limit of {limit} elements; raise PlanOptions.MemoryLimit or use PathFinder.Optimal.");
            double flops = cost.Flops(state.Live[left], state.Live[right], labels);
            state.Remove(left);
            state.Remove(right);
            int id = n + steps.Count;
            steps.Add(new ContractionStep(left, right, labels, flops, size));
            state.Add(id, labels);
            foreach (int l in labels)
                foreach (int other in state.Owners[l])
                    if (other != id) queue.Enqueue((other, id), state.Score(other, id));
        }
        return steps;
    }

    /// <summary>The live operands and, per label, the operands that carry it.</summary>
    private sealed class State(PathCost cost)
    {
        internal Dictionary<int, int[]> Live { get; } = [];

        internal Dictionary<int, HashSet<int>> Owners { get; } = [];

        internal void Add(int id, int[] labels)
        {
            Live[id] = labels;
            foreach (int l in labels)
            {
                if (!Owners.TryGetValue(l, out var set)) Owners[l] = set = [];
                set.Add(id);
            }
        }

        internal void Remove(int id)
        {
            foreach (int l in Live[id]) Owners[l].Remove(id);
            Live.Remove(id);
        }

        /// <summary>Labels of a ⊗ b that the output or a third operand still needs.</summary>
        internal int[] ResultLabels(int a, int b)
        {
            int[] la = Live[a], lb = Live[b];
            var result = new List<int>(la.Length + lb.Length);
            foreach (int l in la)
            {
                int inB = Array.IndexOf(lb, l) >= 0 ? 1 : 0;
                if (cost.IsOutput(l) || Owners[l].Count > 1 + inB) result.Add(l);
            }
            foreach (int l in lb)
                if (Array.IndexOf(la, l) < 0 && (cost.IsOutput(l) || Owners[l].Count > 1)) result.Add(l);
            return [.. result];
        }

        internal (double Score, double Flops, int A, int B) Score(int a, int b)
        {
            int[] result = ResultLabels(a, b);
            double score = cost.Size(result) - cost.Size(Live[a]) - cost.Size(Live[b]);
            return (score, cost.Flops(Live[a], Live[b], result), a, b);
        }
    }
}
