namespace TensorNetworks.Tests.Linalg;

public sealed class MttkrpTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Mttkrp_MatchesElementLoop(DType dtype)
    {
        var g = new Generator(401);
        int[] shape = [3, 4, 2, 3];
        const int rank = 2;
        Tensor x = TN.Randn(g, dtype, shape);
        Tensor[] factors = [.. shape.Select(d => TN.Randn(g, dtype, d, rank))];
        double[] xv = x.ToArray<double>();
        double[][] av = [.. factors.Select(f => f.ToArray<double>())];
        for (int mode = 0; mode < shape.Length; mode++)
        {
            var expected = new double[shape[mode] * rank];
            foreach (int[] index in TensorKernelReference.Indices(shape))
                for (int r = 0; r < rank; r++)
                {
                    double p = xv[TensorKernelReference.Flat(shape, index)];
                    for (int m = 0; m < shape.Length; m++)
                        if (m != mode) p *= av[m][index[m] * rank + r];
                    expected[index[mode] * rank + r] += p;
                }
            Tensor result = TN.Linalg.Mttkrp(x, factors, mode);
            Assert.Equal([shape[mode], rank], result.Shape.ToArray());
            TensorKernelReference.Close(expected, result.ToArray<double>(), dtype == DType.Float32 ? 1e-5 : 1e-13, $"mode {mode}");
        }
    }

    [Fact]
    public void Mttkrp_EqualsUnfoldTimesKhatriRao()
    {
        var g = new Generator(402);
        int[] shape = [4, 3, 5];
        Tensor x = TN.Randn(g, DType.Float64, shape);
        Tensor[] factors = [.. shape.Select(d => TN.Randn(g, DType.Float64, d, 3))];
        for (int mode = 0; mode < shape.Length; mode++)
        {
            Tensor[] others = [.. factors.Where((_, m) => m != mode)];
            Tensor expected = TN.MatMul(TN.Linalg.Unfold(x, mode), TN.Linalg.KhatriRao(others));
            TensorKernelReference.Close(expected.ToArray<double>(), TN.Linalg.Mttkrp(x, factors, mode).ToArray<double>(), 1e-13, $"mode {mode}");
        }
    }

    [Fact]
    public void Mttkrp_PassesGradientCheck()
    {
        var g = new Generator(403);
        Tensor x = TN.Randn(g, DType.Float64, 2, 3, 2).RequiringGrad();
        Tensor a = TN.Randn(g, DType.Float64, 2, 2).RequiringGrad(), c = TN.Randn(g, DType.Float64, 2, 2).RequiringGrad();
        Tensor unused = TN.Zeros(DType.Float64, 3, 2);
        Assert.True(GradCheck.Compare(t => TN.Linalg.Mttkrp(t[0], [t[1], unused, t[2]], 1), [x, a, c]).Passed);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Mttkrp_MatchesRecordedEinsumForEveryMode(DType dtype)
    {
        // Shapes where each side of each mode is the larger (GEMM on the trailing or the leading side) and modes of size 1.
        int[][] shapes = [[6, 5, 4, 3], [2, 3, 7, 2], [5, 1, 4], [3, 8]];
        var g = new Generator(404);
        foreach (int[] shape in shapes)
        {
            Tensor x = TN.Randn(g, dtype, shape);
            Tensor[] factors = [.. shape.Select(d => TN.Randn(g, dtype, d, 3))];
            for (int mode = 0; mode < shape.Length; mode++)
            {
                Tensor recorded = TN.Linalg.Mttkrp(x.Detach().RequiringGrad(), factors, mode);
                Tensor direct = TN.Linalg.Mttkrp(x, factors, mode);
                Assert.NotNull(recorded.GradFn);
                Assert.Null(direct.GradFn);
                TensorKernelReference.Close(recorded.ToArray<double>(), direct.ToArray<double>(), dtype == DType.Float32 ? 1e-4 : 1e-12, $"shape [{string.Join(", ", shape)}], mode {mode}");
            }
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void MttkrpWithRankAxis_EqualsMttkrpOfTheFullTensor(DType dtype)
    {
        var g = new Generator(405);
        int[] shape = [4, 3, 5, 6];
        Tensor x = TN.Randn(g, dtype, shape);
        Tensor[] factors = [.. shape.Select(d => TN.Randn(g, dtype, d, 2))];
        // P = X ×₃ A₃ keeps the rank axis last: [4, 3, 5, 2].
        Tensor partial = TN.MatMul(x.Reshape(60, 6), factors[3]).Reshape(4, 3, 5, 2);
        for (int mode = 0; mode < 3; mode++)
        {
            Tensor expected = TN.Linalg.Mttkrp(x, factors, mode);
            Tensor actual = TN.Linalg.MttkrpWithRankAxis(partial, factors[..3], mode);
            Assert.Equal([shape[mode], 2], actual.Shape.ToArray());
            TensorKernelReference.Close(expected.ToArray<double>(), actual.ToArray<double>(), dtype == DType.Float32 ? 1e-4 : 1e-12, $"mode {mode}");
        }
    }

    [Fact]
    public void MttkrpWithRankAxis_OfAMatrixWithRankAxisIsItself()
    {
        Tensor p = TN.Randn(new Generator(406), DType.Float64, 5, 3);
        Tensor m = TN.Linalg.MttkrpWithRankAxis(p, [TN.Zeros(DType.Float64, 1, 1)], 0);
        Assert.Equal(p.ToArray<double>(), m.ToArray<double>());
    }

    [Fact]
    public void MttkrpWithRankAxis_PassesGradientCheck()
    {
        var g = new Generator(407);
        Tensor p = TN.Randn(g, DType.Float64, 2, 3, 2, 2).RequiringGrad();
        Tensor a = TN.Randn(g, DType.Float64, 2, 2).RequiringGrad(), c = TN.Randn(g, DType.Float64, 2, 2).RequiringGrad();
        Tensor unused = TN.Zeros(DType.Float64, 3, 2);
        Assert.True(GradCheck.Compare(t => TN.Linalg.MttkrpWithRankAxis(t[0], [t[1], unused, t[2]], 1), [p, a, c]).Passed);
    }

    [Fact]
    public void MttkrpWithRankAxis_ThrowsWhenTheRankAxisDiffersFromTheFactors()
    {
        Tensor p = TN.Zeros(DType.Float64, 4, 6, 3);
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.MttkrpWithRankAxis(p, [TN.Zeros(DType.Float64, 4, 2), TN.Zeros(DType.Float64, 6, 2)], 0));
        Assert.Contains("R = 2", e.Message);
        Assert.Contains("[4, 6, 3]", e.Message);
    }

    [Fact]
    public void MttkrpWithRankAxis_ThrowsForTheRankAxisAsMode()
    {
        Tensor p = TN.Zeros(DType.Float64, 4, 6, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linalg.MttkrpWithRankAxis(p, [TN.Zeros(DType.Float64, 4, 3), TN.Zeros(DType.Float64, 6, 3)], 2));
        Assert.Contains("rank axis", e.Message);
    }

    [Fact]
    public void Mttkrp_ThrowsForMixedDTypes()
    {
        Tensor x = TN.Zeros(DType.Float64, 4, 6);
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Mttkrp(x, [TN.Zeros(DType.Float64, 4, 2), TN.Zeros(DType.Float32, 6, 2)], 0));
        Assert.Contains("Float32", e.Message);
    }

    [Fact]
    public void Mttkrp_ThrowsForFactorWithWrongRowCount()
    {
        Tensor x = TN.Zeros(DType.Float64, 4, 6, 7);
        Tensor[] factors = [TN.Zeros(DType.Float64, 4, 3), TN.Zeros(DType.Float64, 6, 3), TN.Zeros(DType.Float64, 5, 3)];
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Mttkrp(x, factors, 0));
        Assert.Contains("factors[2]", e.Message);
        Assert.Contains("[5, 3]", e.Message);
        Assert.Contains("size 7", e.Message);
    }

    [Fact]
    public void Mttkrp_ThrowsForDifferentRanks()
    {
        Tensor x = TN.Zeros(DType.Float64, 4, 6, 7);
        Tensor[] factors = [TN.Zeros(DType.Float64, 4, 3), TN.Zeros(DType.Float64, 6, 3), TN.Zeros(DType.Float64, 7, 2)];
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Mttkrp(x, factors, 0));
        Assert.Contains("factors[2] has 2 columns", e.Message);
        Assert.Contains("factors[1] has 3", e.Message);
    }

    [Fact]
    public void Mttkrp_ThrowsForWrongFactorCount()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Mttkrp(TN.Zeros(DType.Float64, 4, 6, 7), [TN.Zeros(DType.Float64, 4, 3)], 0));
        Assert.Contains("needs 3 factors", e.Message);
        Assert.Contains("got 1", e.Message);
    }
}
