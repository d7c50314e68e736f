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
