using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

public sealed class EinsumTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int s = 1; s <= 150; s++) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Einsum_MatchesNaiveReferenceOnRandomEquations(int seed)
    {
        var problem = RandomEinsum.Draw(seed);
        double[] expected = NaiveEinsum.Evaluate(problem.Equation, problem.Operands, out int[] dims);

        Tensor actual = TN.Einsum(problem.Equation, problem.Operands);

        Assert.Equal(dims, actual.Shape.ToArray());
        AssertClose(expected, actual.ToArray<double>(), 1e-10, problem.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Einsum_WithTheSequenceFinderMatchesNaiveReference(int seed)
    {
        var problem = RandomEinsum.Draw(seed, maxOperands: 5);
        double[] expected = NaiveEinsum.Evaluate(problem.Equation, problem.Operands, out int[] dims);

        Tensor actual = TN.Einsum(problem.Equation, problem.Operands, new PlanOptions(PathFinder.Sequence));

        Assert.Equal(dims, actual.Shape.ToArray());
        AssertClose(expected, actual.ToArray<double>(), 1e-10, problem.ToString());
    }

    [Fact]
    public void Einsum_OfAChainOfTwelveGrowingMatricesMatchesTheProductTakenInTurn()
    {
        // Beyond the optimal finder's reach, Auto plans this chain by the best bracketing; the value must not change.
        var gen = new Generator(5);
        Tensor[] matrices = [.. Enumerable.Range(0, 12).Select(i => TN.Randn(gen, DType.Float64, 2 + i, 3 + i))];
        int[][] labels = [.. Enumerable.Range(0, 12).Select(i => new[] { i, i + 1 })];

        Tensor chain = TN.Einsum(labels, [0, 12], matrices);

        double[,] expected = ToMatrix(matrices[0]);
        for (int i = 1; i < matrices.Length; i++) expected = NaiveProduct(expected, ToMatrix(matrices[i]));
        Assert.Equal([2, 14], chain.Shape.ToArray());
        AssertClose([.. expected.Cast<double>()], chain.ToArray<double>(), 1e-10, "chain of 12");
    }

    [Fact]
    public void Einsum_OfAChainPastTheSequenceLimitIsNeverDearerThanLeftToRightAndMatchesTheProduct()
    {
        // Extents 2, 5, 8, ... grow along the chain, so greedy starts at the wide end (57 times left to right's FLOPs
        // here); past SequenceLimit, Auto compares it with left to right and takes that.
        int n = ContractionPlanner.SequenceLimit + 8;
        int[] extents = [.. Enumerable.Range(0, n + 1).Select(i => 2 + 3 * i)];
        var gen = new Generator(6);
        Tensor[] matrices = [.. Enumerable.Range(0, n).Select(i => TN.Randn(gen, DType.Float64, extents[i], extents[i + 1]))];
        int[][] labels = [.. Enumerable.Range(0, n).Select(i => new[] { i, i + 1 })];
        var sizes = Enumerable.Range(0, n + 1).ToDictionary(i => i, i => extents[i]);

        ContractionPlan plan = ContractionPlanner.Plan(labels, [0, n], sizes);
        Tensor chain = TN.Einsum(labels, [0, n], matrices);

        Assert.Equal(PathFinder.Sequence, plan.Finder);
        Assert.Equal(plan.NaiveFlops, plan.Flops);
        double[,] expected = ToMatrix(matrices[0]);
        for (int i = 1; i < n; i++) expected = NaiveProduct(expected, ToMatrix(matrices[i]));
        AssertClose([.. expected.Cast<double>()], chain.ToArray<double>(), 1e-10, $"chain of {n}");
    }

    private static double[,] ToMatrix(Tensor t)
    {
        double[] values = t.ToArray<double>();
        var m = new double[t.Size(0), t.Size(1)];
        for (int i = 0; i < t.Size(0); i++)
            for (int j = 0; j < t.Size(1); j++) m[i, j] = values[i * t.Size(1) + j];
        return m;
    }

    private static double[,] NaiveProduct(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), b.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++)
                for (int k = 0; k < a.GetLength(1); k++) c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Einsum_GradientsMatchFiniteDifferencesOnRandomEquations(int seed)
    {
        var problem = RandomEinsum.Draw(seed);
        Tensor[] inputs = [.. problem.Operands.Select(o => o.Detach().RequiringGrad())];

        GradCheckResult r = GradCheck.Compare(xs => TN.Einsum(problem.Equation, xs), inputs);

        Assert.True(r.Passed, $"{problem}: {r}");
    }

    [Theory]
    [InlineData("ij,jk->ik", new[] { 3, 4 }, new[] { 4, 5 })]
    [InlineData("ij,jk", new[] { 3, 4 }, new[] { 4, 5 })]
    [InlineData("ii", new[] { 4, 4 }, null)]
    [InlineData("ii->i", new[] { 4, 4 }, null)]
    [InlineData("ij->", new[] { 3, 4 }, null)]
    [InlineData("ij->ji", new[] { 3, 4 }, null)]
    [InlineData("i,j->ij", new[] { 3 }, new[] { 4 })]
    [InlineData("bij,bjk->bik", new[] { 2, 3, 4 }, new[] { 2, 4, 5 })]
    [InlineData("...ij,...jk->...ik", new[] { 2, 3, 4 }, new[] { 2, 4, 5 })]
    [InlineData("...ij,jk", new[] { 2, 2, 3, 4 }, new[] { 4, 5 })]
    [InlineData("ij,ij->ij", new[] { 3, 4 }, new[] { 3, 4 })]
    [InlineData("ij,ij->", new[] { 3, 4 }, new[] { 3, 4 })]
    [InlineData("ij,j->ij", new[] { 3, 4 }, new[] { 1 })]
    [InlineData("bi,bj->bij", new[] { 3, 2 }, new[] { 3, 4 })]
    [InlineData("iij,jk->ik", new[] { 3, 3, 4 }, new[] { 4, 2 })]
    [InlineData("i,i->i", new[] { 1 }, new[] { 0 })]
    [InlineData("...i,...i->...i", new[] { 1, 3 }, new[] { 0, 3 })]
    [InlineData("bk,bkj->bj", new[] { 1, 2 }, new[] { 0, 2, 0 })]
    [InlineData("bk,bkj->bj", new[] { 1, 2 }, new[] { 0, 2, 3 })]
    [InlineData("ij,jk->ik", new[] { 3, 0 }, new[] { 0, 2 })]
    public void Einsum_MatchesNaiveReferenceOnNamedCases(string equation, int[] shapeA, int[]? shapeB)
    {
        var g = new Generator(99);
        Tensor[] operands = shapeB is null
            ? [TN.Randn(g, DType.Float64, shapeA)]
            : [TN.Randn(g, DType.Float64, shapeA), TN.Randn(g, DType.Float64, shapeB)];
        double[] expected = NaiveEinsum.Evaluate(equation, operands, out int[] dims);

        Tensor actual = TN.Einsum(equation, operands);

        Assert.Equal(dims, actual.Shape.ToArray());
        AssertClose(expected, actual.ToArray<double>(), 1e-10, equation);
    }

    [Fact]
    public void Einsum_ContractsAHyperedgeSharedByThreeOperands()
    {
        var g = new Generator(7);
        Tensor a = TN.Randn(g, DType.Float64, 4, 3), b = TN.Randn(g, DType.Float64, 5, 3), c = TN.Randn(g, DType.Float64, 6, 3);
        double[] expected = NaiveEinsum.Evaluate("ir,jr,kr->ijk", [a, b, c], out _);
        AssertClose(expected, TN.Einsum("ir,jr,kr->ijk", a, b, c).ToArray<double>(), 1e-10, "CP");
    }

    [Fact]
    public void Einsum_IntegerLabelsHandleMoreLegsThanLetters()
    {
        var g = new Generator(8);
        const int n = 60;
        var operands = new Tensor[n];
        var labels = new int[n][];
        for (int i = 0; i < n; i++)
        {
            operands[i] = TN.Randn(g, DType.Float64, 2, 2) * 0.7;
            labels[i] = [i, i + 1];
        }
        Tensor chain = TN.Einsum(labels, [0, n], operands);
        Tensor expected = operands[0];
        for (int i = 1; i < n; i++) expected = TN.MatMul(expected, operands[i]);
        AssertClose(expected.ToArray<double>(), chain.ToArray<double>(), 1e-9, "chain");
    }

    [Fact]
    public void Einsum_IntegerLabelsWithoutOperandsSayWhatIsExpected()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum([[]], [], []));
        Assert.Contains("no operands", e.Message);
        Assert.Contains("one label list per operand", e.Message);
    }

    [Fact]
    public void Einsum_IntegerLabelsOfTheWrongCountSayWhatIsExpected()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum([[0], [0], [0]], [0], [TN.Ones(2), TN.Ones(2)]));
        Assert.Contains("3 label lists for 2 operands", e.Message);
        Assert.Contains("one label list per operand", e.Message);
    }

    [Fact]
    public void Einsum_IntegerLabelErrorsPrintLabelsAsNumbers()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum([[65], [65]], [65], [TN.Ones(2), TN.Ones(3)]));
        Assert.Contains("label 65 ", e.Message);
    }

    [Fact]
    public void Einsum_Float32AgreesWithFloat64()
    {
        var g = new Generator(9);
        Tensor a = TN.Randn(g, DType.Float64, 5, 6, 7), b = TN.Randn(g, DType.Float64, 7, 6, 3);
        Tensor d = TN.Einsum("ijk,kjl->il", a, b);
        Tensor f = TN.Einsum("ijk,kjl->il", a.To(DType.Float32), b.To(DType.Float32));
        AssertClose(d.ToArray<double>(), f.ToArray<double>(), 1e-4, "float32");
    }

    [Theory]
    [InlineData("ij,jk->ik", "operand 1 has 3 axes")]
    [InlineData("ij,jkl->iz", "'z' appears in no operand")]
    [InlineData("ij,jkl->ii", "'i' is repeated")]
    [InlineData("i1,jkl", "character '1'")]
    [InlineData("ij->i->j", "more than one")]
    [InlineData("ij", "1 input term(s) but 2 operand(s)")]
    public void Einsum_RejectsMalformedEquations(string equation, string expected)
    {
        var a = TN.Ones(2, 3);
        var b = TN.Ones(3, 4, 5);
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum(equation, a, b));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Einsum_RejectsALabelWithTwoExtentsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum("ij,jk->ik", TN.Ones(2, 3), TN.Ones(4, 5)));
        Assert.Contains("'j'", e.Message);
        Assert.Contains("3 in operand 0", e.Message);
        Assert.Contains("4 in operand 1", e.Message);
    }

    [Fact]
    public void Einsum_RejectsAnImplicitOutputWithAHyperedge()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum("ir,jr,kr", TN.Ones(2, 3), TN.Ones(2, 3), TN.Ones(2, 3)));
        Assert.Contains("'r'", e.Message);
        Assert.Contains("hyperedge", e.Message);
    }

    [Fact]
    public void Einsum_RejectsMixedDTypes()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Einsum("ij,jk", TN.Ones(2, 3), TN.Ones(DType.Float64, 3, 4)));
        Assert.Contains("Float64", e.Message);
    }

    [Fact]
    public void EinsumPlan_ReportsOrderFlopsAndNaiveCost()
    {
        ContractionPlan plan = TN.EinsumPlan("ij,jk,kl->il", [100, 2], [2, 100], [100, 100]);
        string text = plan.ToString();
        Assert.Contains("naive", text);
        Assert.Contains("largest intermediate", text);
        Assert.True(plan.Flops < plan.NaiveFlops);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"{what}: element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
