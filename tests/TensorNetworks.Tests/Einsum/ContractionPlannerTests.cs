using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

public sealed class ContractionPlannerTests
{
    private static (int[][] Inputs, int[] Output, Dictionary<int, int> Sizes) RandomNetwork(int seed, int operands)
    {
        var g = new Generator((ulong)seed);
        int labels = operands + 2 + g.NextInt(operands + 1);
        var sizes = Enumerable.Range(0, labels).ToDictionary(l => l, _ => 2 + g.NextInt(7));
        var inputs = new List<int>[operands];
        for (int i = 0; i < operands; i++) inputs[i] = [];
        for (int l = 0; l < labels; l++)
        {
            int holders = 1 + g.NextInt(3);
            for (int h = 0; h < holders; h++)
            {
                int i = g.NextInt(operands);
                if (!inputs[i].Contains(l)) inputs[i].Add(l);
            }
        }
        for (int i = 0; i < operands; i++)
            if (inputs[i].Count == 0) inputs[i].Add(g.NextInt(labels));
        var counts = inputs.SelectMany(x => x).GroupBy(l => l).ToDictionary(x => x.Key, x => x.Count());
        int[] output = [.. counts.Where(kv => kv.Value == 1).Select(kv => kv.Key)];
        return ([.. inputs.Select(x => x.ToArray())], output, sizes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Optimal_CostsNoMoreThanGreedy(int seed)
    {
        for (int trial = 0; trial < 25; trial++)
        {
            var (inputs, output, sizes) = RandomNetwork(seed * 100 + trial, 3 + (trial % 6));
            var optimal = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Optimal));
            var greedy = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Greedy));
            Assert.True(optimal.Flops <= greedy.Flops * (1 + 1e-12), $"trial {trial}: optimal {optimal.Flops} > greedy {greedy.Flops}");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Optimal_EqualsBruteForceMinimum(int seed)
    {
        for (int trial = 0; trial < 20; trial++)
        {
            var (inputs, output, sizes) = RandomNetwork(seed * 100 + trial, 2 + (trial % 4));
            var plan = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Optimal));
            double brute = BruteForce([.. inputs], [.. Enumerable.Range(0, inputs.Length)], output, sizes);
            Assert.Equal(brute, plan.Flops, 6);
        }
    }

    /// <summary>Minimum total cost over every sequence of pairwise contractions.</summary>
    private static double BruteForce(List<int[]> live, List<int> ids, int[] output, Dictionary<int, int> sizes)
    {
        if (live.Count <= 1) return 0;
        double best = double.PositiveInfinity;
        for (int a = 0; a < live.Count; a++)
        for (int b = a + 1; b < live.Count; b++)
        {
            var rest = live.Where((_, i) => i != a && i != b).ToList();
            int[] union = [.. live[a].Union(live[b])];
            int[] result = [.. union.Where(l => output.Contains(l) || rest.Any(r => r.Contains(l)))];
            double size = union.Aggregate(1.0, (p, l) => p * sizes[l]);
            double cost = result.Length < union.Length ? 2 * size : size;
            rest.Add(result);
            best = Math.Min(best, cost + BruteForce(rest, ids, output, sizes));
        }
        return best;
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Sequence_EqualsTheCheapestBracketingAndBeatsLeftToRight(int seed)
    {
        for (int trial = 0; trial < 20; trial++)
        {
            var (inputs, output, sizes) = RandomNetwork(seed * 100 + trial, 2 + (trial % 6));
            var plan = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Sequence));
            Assert.Equal(PathFinder.Sequence, plan.Finder);
            Assert.Equal(inputs.Length - 1, plan.Steps.Count);
            Assert.Equal(BestBracketing(0, inputs.Length - 1, inputs, output, sizes), plan.Flops, 6);
            Assert.True(plan.Flops <= plan.NaiveFlops * (1 + 1e-12), $"trial {trial}: {plan.Flops} > naive {plan.NaiveFlops}");
        }
    }

    /// <summary>Minimum cost over every bracketing of operands i..j, by plain recursion.</summary>
    private static double BestBracketing(int i, int j, int[][] inputs, int[] output, Dictionary<int, int> sizes)
    {
        if (i == j) return 0;
        int[] Legs(int from, int to) =>
            [.. inputs[from..(to + 1)].SelectMany(x => x).Distinct()
                .Where(l => output.Contains(l) || inputs.Where((_, t) => t < from || t > to).Any(x => x.Contains(l)))];
        double best = double.PositiveInfinity;
        for (int k = i; k < j; k++)
        {
            int[] left = Legs(i, k), right = Legs(k + 1, j), result = Legs(i, j);
            int[] union = [.. left.Union(right)];
            double size = union.Aggregate(1.0, (p, l) => p * sizes[l]);
            double step = union.Any(l => !result.Contains(l)) ? 2 * size : size;
            best = Math.Min(best, BestBracketing(i, k, inputs, output, sizes) + BestBracketing(k + 1, j, inputs, output, sizes) + step);
        }
        return best;
    }

    [Fact]
    public void Auto_PlansAChainOfGrowingMatricesAtTheMatrixChainOptimum()
    {
        // Twelve matrices of extents 5, 10, ..., 65 in a row: greedy starts at the wide end and costs ten times left to
        // right; Auto compares it with the best bracketing and takes the cheaper.
        const int n = 12;
        int[][] inputs = [.. Enumerable.Range(0, n).Select(i => new[] { i, i + 1 })];
        var sizes = Enumerable.Range(0, n + 1).ToDictionary(i => i, i => 5 + 5 * i);

        var plan = ContractionPlanner.Plan(inputs, [0, n], sizes);
        var greedy = ContractionPlanner.Plan(inputs, [0, n], sizes, new PlanOptions(PathFinder.Greedy));

        Assert.Equal(PathFinder.Sequence, plan.Finder);
        Assert.Equal(MatrixChainOptimum([.. Enumerable.Range(0, n + 1).Select(i => sizes[i])]), plan.Flops, 6);
        Assert.True(plan.Flops <= plan.NaiveFlops, $"{plan.Flops} > naive {plan.NaiveFlops}");
        Assert.True(greedy.Flops > 5 * plan.Flops, $"greedy {greedy.Flops} against {plan.Flops}");
    }

    /// <summary>The textbook matrix-chain recurrence with 2·p·q·r FLOPs per product of p×q and q×r.</summary>
    private static double MatrixChainOptimum(int[] dims)
    {
        int n = dims.Length - 1;
        var best = new double[n, n];
        for (int length = 2; length <= n; length++)
            for (int i = 0; i + length - 1 < n; i++)
            {
                int j = i + length - 1;
                best[i, j] = double.PositiveInfinity;
                for (int k = i; k < j; k++)
                    best[i, j] = Math.Min(best[i, j], best[i, k] + best[k + 1, j] + 2.0 * dims[i] * dims[k + 1] * dims[j + 1]);
            }
        return best[0, n - 1];
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Auto_BeyondTheOptimalLimitCostsNoMoreThanGreedyOrLeftToRight(int seed)
    {
        for (int trial = 0; trial < 10; trial++)
        {
            var (inputs, output, sizes) = RandomNetwork(seed * 100 + trial, ContractionPlanner.OptimalLimit + 1 + trial);
            var auto = ContractionPlanner.Plan(inputs, output, sizes);
            var greedy = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Greedy));
            var sequence = ContractionPlanner.Plan(inputs, output, sizes, new PlanOptions(PathFinder.Sequence));
            Assert.NotEqual(PathFinder.Optimal, auto.Finder);
            Assert.Equal(Math.Min(greedy.Flops, sequence.Flops), auto.Flops, 6);
            Assert.True(auto.Flops <= auto.NaiveFlops * (1 + 1e-12), $"trial {trial}: {auto.Flops} > naive {auto.NaiveFlops}");
        }
    }

    [Fact]
    public void Plan_MpsInnerProductOf100SitesZipsTheChain()
    {
        const int n = 100, bond = 8;
        var inputs = new List<int[]>();
        var sizes = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            inputs.Add([i, 2000 + i, i + 1]);
            inputs.Add([1000 + i, 2000 + i, 1000 + i + 1]);
            sizes[2000 + i] = 2;
        }
        for (int i = 0; i <= n; i++) sizes[i] = sizes[1000 + i] = i == 0 || i == n ? 1 : bond;

        var plan = ContractionPlanner.Plan(inputs, [], sizes);

        Assert.Equal(PathFinder.Greedy, plan.Finder);
        Assert.Equal(2 * n - 1, plan.Steps.Count);
        Assert.True(plan.LargestIntermediate <= bond * bond * 2, $"largest intermediate {plan.LargestIntermediate}");
        Assert.True(plan.Flops <= plan.NaiveFlops, $"{plan.Flops} > naive {plan.NaiveFlops}");
    }

    [Fact]
    public void Optimal_BreaksCostTiesTowardAFinalStepInOutputOrder()
    {
        ContractionPlan plan = TN.EinsumPlan("ir,jr,kr->ijk", [100, 10], [100, 10], [100, 10]);
        ContractionStep first = plan.Steps[0], last = plan.Steps[^1];
        Assert.Equal([0, 1], new[] { first.Left, first.Right }.Order());
        Assert.Contains(2, new[] { last.Left, last.Right });
    }

    [Theory]
    [InlineData("abc,ia,jb,kc->ijk")]
    [InlineData("abc,kc,jb,ia->ijk")]
    [InlineData("abc,jb,kc,ia->ijk")]
    public void Optimal_BreaksCostTiesByAppendingTheSmallerHalfInOutputOrder(string equation)
    {
        // Every order of the Tucker reconstruction costs the same; the planner applies the factors of i, j, k in
        // that order, so each product appends the new factor's label and the last one is tall (4096×8 · 8×64).
        ContractionPlan plan = TN.EinsumPlan(equation, [8, 8, 8], [64, 8], [64, 8], [64, 8]);
        string[] terms = equation.Split("->")[0].Split(',');
        int Factor(char label) => Array.FindIndex(terms, t => t.Length == 2 && t[0] == label);
        int[][] pairs = [.. plan.Steps.Select(step => new[] { step.Left, step.Right }.Order().ToArray())];
        Assert.Equal(new[] { 0, Factor('i') }.Order(), pairs[0]);
        Assert.Equal(new[] { 4, Factor('j') }.Order(), pairs[1]);
        Assert.Equal(new[] { 5, Factor('k') }.Order(), pairs[2]);
    }

    [Fact]
    public void Plan_RespectsTheMemoryLimit()
    {
        int[][] inputs = [[0, 1], [1, 2], [2, 3]];
        var sizes = new Dictionary<int, int> { [0] = 50, [1] = 2, [2] = 50, [3] = 2 };
        var free = ContractionPlanner.Plan(inputs, [0, 3], sizes, new PlanOptions(PathFinder.Optimal));
        var limited = ContractionPlanner.Plan(inputs, [0, 3], sizes, new PlanOptions(PathFinder.Optimal, MemoryLimit: 100));
        Assert.True(limited.LargestIntermediate <= 100);
        Assert.True(free.Flops <= limited.Flops);
        Assert.Throws<ArgumentException>(() => ContractionPlanner.Plan(inputs, [0, 3], sizes, new PlanOptions(PathFinder.Optimal, MemoryLimit: 3)));
    }

    [Theory]
    [InlineData(PathFinder.Optimal)]
    [InlineData(PathFinder.Greedy)]
    [InlineData(PathFinder.Sequence)]
    public void Plan_MemoryLimitErrorNamesTheLabelsAndTheLimit(PathFinder finder)
    {
        int[][] inputs = [[0, 1], [1, 2], [2, 3], [3, 4]];
        var sizes = new Dictionary<int, int> { [0] = 50, [1] = 2, [2] = 50, [3] = 2, [4] = 50 };
        var e = Assert.Throws<ArgumentException>(() => ContractionPlanner.Plan(inputs, [0, 4], sizes, new PlanOptions(finder, MemoryLimit: 3)));
        Assert.Contains("(0=50,1=2),(1=2,2=50),(2=50,3=2),(3=2,4=50) -> (0=50,4=50)", e.Message);
        Assert.Contains("memory limit of 3 elements", e.Message);
    }

    [Theory]
    [InlineData(PathFinder.Optimal)]
    [InlineData(PathFinder.Greedy)]
    [InlineData(PathFinder.Sequence)]
    public void Einsum_MemoryLimitErrorNamesTheEquation(PathFinder finder)
    {
        Tensor a = TN.Ones(50, 2), b = TN.Ones(2, 50), c = TN.Ones(50, 2), d = TN.Ones(2, 50);
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum("ij,jk,kl,lm->im", [a, b, c, d], new PlanOptions(finder, MemoryLimit: 3)));
        Assert.Contains("\"ij,jk,kl,lm->im\"", e.Message);
        Assert.Contains("(i=50,j=2)", e.Message);
    }

    [Fact]
    public void Cached_ReturnsTheSamePlanForTheSameProblem()
    {
        int[][] inputs = [[0, 1], [1, 2]];
        var sizes = new Dictionary<int, int> { [0] = 3, [1] = 4, [2] = 5 };
        var first = ContractionPlanner.Cached(inputs, [0, 2], sizes, PlanOptions.Default);
        var second = ContractionPlanner.Cached([[0, 1], [1, 2]], [0, 2], new Dictionary<int, int>(sizes), PlanOptions.Default);
        Assert.Same(first, second);
    }

    [Fact]
    public void Plan_RejectsAnOutputLabelMissingFromInputs()
    {
        var e = Assert.Throws<ArgumentException>(() => ContractionPlanner.Plan([[0, 1]], [2], new Dictionary<int, int> { [0] = 2, [1] = 2, [2] = 2 }));
        Assert.Contains("appears in no operand", e.Message);
    }

    [Fact]
    public void Plan_RejectsALabelWithoutSize()
    {
        var e = Assert.Throws<ArgumentException>(() => ContractionPlanner.Plan([[0, 1]], [0], new Dictionary<int, int> { [0] = 2 }));
        Assert.Contains("no size", e.Message);
    }
}
