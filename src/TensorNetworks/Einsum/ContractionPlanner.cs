using System.Collections.Concurrent;
using System.Text;

namespace TensorNetworks;

/// <summary>
/// Chooses the order of pairwise contractions for an einsum or a network. Planning is pure: the same
/// labels, sizes and options give the same plan, so plans are cached and a training loop plans once.
/// </summary>
/// <example><code>
/// var sizes = new Dictionary&lt;int, int&gt; { [0] = 100, [1] = 2, [2] = 100, [3] = 100 };
/// ContractionPlan plan = ContractionPlanner.Plan([[0, 1], [1, 2], [2, 3]], [0, 3], sizes);
/// </code></example>
public static class ContractionPlanner
{
    /// <summary>With <see cref="PathFinder.Auto"/>, networks of at most this many operands are planned optimally.</summary>
    public const int OptimalLimit = 8;

    /// <summary>With <see cref="PathFinder.Auto"/>, networks of more than <see cref="OptimalLimit"/> and at most this many
    /// operands compare the greedy order with the best bracketing in operand order (<see cref="PathFinder.Sequence"/>,
    /// O(n³)); larger ones compare it with left to right.</summary>
    public const int SequenceLimit = 32;

    private const int CacheCapacity = 4096;
    private static readonly ConcurrentDictionary<string, ContractionPlan> s_cache = new();

    /// <summary>
    /// Plans the contraction of operands with labels <paramref name="inputs"/> into <paramref name="output"/>.
    /// Each input lists distinct labels (repeated labels and labels to be summed out of a single operand
    /// are handled before planning by einsum).
    /// </summary>
    /// <exception cref="ArgumentException">When a label has no size, an output label is missing from the
    /// inputs or repeated, or no order fits the memory limit (the message lists the operands' labels with
    /// their extents and the limit).</exception>
    public static ContractionPlan Plan(IReadOnlyList<int[]> inputs, int[] output, IReadOnlyDictionary<int, int> sizes, PlanOptions? options = null)
        => Plan(inputs, output, sizes, options ?? PlanOptions.Default, ProblemNames.Numbered("Plan"));

    /// <summary>Plans as the public overload does; messages name the problem by <paramref name="names"/>.</summary>
    internal static ContractionPlan Plan(IReadOnlyList<int[]> inputs, int[] output, IReadOnlyDictionary<int, int> sizes, PlanOptions options, ProblemNames names)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(options);
        Validate(inputs, output, sizes, options, names);
        int[][] copy = [.. inputs.Select(l => (int[])l.Clone())];
        var cost = new PathCost(sizes, output);
        string Problem() => $"{names.Context} {names.Problem(copy, output, sizes)}";
        List<ContractionStep> naive = LeftToRight(copy, cost);
        var (finder, steps) = options.Finder != PathFinder.Auto ? (options.Finder, Find(options.Finder, copy, output, cost, options.MemoryLimit, Problem))
            : copy.Length <= OptimalLimit ? (PathFinder.Optimal, Find(PathFinder.Optimal, copy, output, cost, options.MemoryLimit, Problem))
            : Cheaper(copy, output, cost, naive, options.MemoryLimit, Problem);
        return new ContractionPlan(copy, (int[])output.Clone(), new Dictionary<int, int>(sizes), steps, finder, naive.Sum(s => s.Flops));
    }

    private static List<ContractionStep> Find(PathFinder finder, int[][] inputs, int[] output, PathCost cost, long? memoryLimit, Func<string> problem)
    {
        if (inputs.Length < 2) return [];
        return finder switch
        {
            PathFinder.Optimal => OptimalPathFinder.Find(inputs, output, cost, memoryLimit, problem),
            PathFinder.Sequence => SequencePathFinder.Find(inputs, output, cost, memoryLimit, problem),
            _ => GreedyPathFinder.Find(inputs, cost, memoryLimit, problem),
        };
    }

    /// <summary>
    /// Auto beyond <see cref="OptimalLimit"/> operands: the greedy order, unless the best bracketing in operand order
    /// (up to <see cref="SequenceLimit"/> operands; left to right beyond) costs fewer FLOPs. An order that breaks the
    /// memory limit is out; when both do, the greedy order's error is thrown.
    /// </summary>
    private static (PathFinder, List<ContractionStep>) Cheaper(int[][] inputs, int[] output, PathCost cost, List<ContractionStep> leftToRight,
        long? memoryLimit, Func<string> problem)
    {
        List<ContractionStep>? greedy = null;
        ArgumentException? greedyError = null;
        try { greedy = GreedyPathFinder.Find(inputs, cost, memoryLimit, problem); }
        catch (ArgumentException e) { greedyError = e; }
        List<ContractionStep>? sequence = null;
        try
        {
            sequence = inputs.Length <= SequenceLimit
                ? SequencePathFinder.Find(inputs, output, cost, memoryLimit, problem)
                : FitsMemory(leftToRight, memoryLimit) ? leftToRight : null;
        }
        catch (ArgumentException) when (greedy is not null) { }
        if (greedy is null) return sequence is null ? throw greedyError! : (PathFinder.Sequence, sequence);
        if (sequence is null || sequence.Sum(s => s.Flops) >= greedy.Sum(s => s.Flops) * (1 - 1e-12)) return (PathFinder.Greedy, greedy);
        return (PathFinder.Sequence, sequence);
    }

    /// <summary>The cached plan for these labels and sizes (planned on first request); <paramref name="names"/>
    /// names the problem in messages only, so it is not part of the key.</summary>
    internal static ContractionPlan Cached(int[][] inputs, int[] output, IReadOnlyDictionary<int, int> sizes, PlanOptions options, ProblemNames? names = null)
    {
        string key = Key(inputs, output, sizes, options);
        if (s_cache.TryGetValue(key, out var plan)) return plan;
        plan = Plan(inputs, output, sizes, options, names ?? ProblemNames.Numbered("Plan"));
        if (s_cache.Count >= CacheCapacity) s_cache.Clear();
        s_cache[key] = plan;
        return plan;
    }

    private static string Key(int[][] inputs, int[] output, IReadOnlyDictionary<int, int> sizes, PlanOptions options)
    {
        var sb = new StringBuilder();
        foreach (int[] term in inputs)
        {
            foreach (int l in term) sb.Append(l).Append(':').Append(sizes[l]).Append(' ');
            sb.Append(',');
        }
        sb.Append("->");
        foreach (int l in output) sb.Append(l).Append(' ');
        sb.Append('|').Append(options.Finder).Append('|').Append(options.MemoryLimit);
        return sb.ToString();
    }

    private static void Validate(IReadOnlyList<int[]> inputs, int[] output, IReadOnlyDictionary<int, int> sizes, PlanOptions options, ProblemNames names)
    {
        if (inputs.Count == 0) throw new ArgumentException($"{names.Context}: no operands; a plan needs at least one.");
        if (options.MemoryLimit is <= 0)
            throw new ArgumentException($"{names.Context}: PlanOptions.MemoryLimit must be positive, got {options.MemoryLimit}.");
        var seen = new HashSet<int>();
        for (int i = 0; i < inputs.Count; i++)
        {
            foreach (int l in inputs[i])
            {
                if (!sizes.ContainsKey(l))
                    throw new ArgumentException($"{names.Context}: label {names.Label(l)} of operand {i} has no size.");
                seen.Add(l);
            }
        }
        var outSeen = new HashSet<int>();
        foreach (int l in output)
        {
            if (!seen.Contains(l))
                throw new ArgumentException($"{names.Context}: output label {names.Label(l)} appears in no operand; every output label must come from an input.");
            if (!outSeen.Add(l))
                throw new ArgumentException($"{names.Context}: output label {names.Label(l)} is repeated.");
        }
    }

    /// <summary>Operand 0 with 1, the result with 2, and so on: the order of an unplanned einsum.</summary>
    private static List<ContractionStep> LeftToRight(int[][] inputs, PathCost cost)
    {
        var steps = new List<ContractionStep>(Math.Max(0, inputs.Length - 1));
        if (inputs.Length < 2) return steps;
        Dictionary<int, int> last = SequencePathFinder.Occurrences(inputs).Last;
        int[] current = inputs[0];
        for (int i = 1; i < inputs.Length; i++)
        {
            int step = i;
            int[] next = cost.ResultLabels(current, inputs[i], l => last[l] > step);
            steps.Add(new ContractionStep(i == 1 ? 0 : inputs.Length + i - 2, i, next, cost.Flops(current, inputs[i], next), cost.Size(next)));
            current = next;
        }
        return steps;
    }

    /// <summary>Whether every intermediate of <paramref name="steps"/> (the result aside) is within the memory limit.</summary>
    private static bool FitsMemory(List<ContractionStep> steps, long? memoryLimit) =>
        memoryLimit is not long limit || steps.Take(steps.Count - 1).All(s => s.ResultSize <= limit);
}
