namespace TensorNetworks.Tests.Linalg;

public sealed class KhatriRaoTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void KhatriRao_MatchesElementLoop(DType dtype)
    {
        var g = new Generator(201);
        int[] rows = [3, 2, 4];
        const int rank = 3;
        Tensor[] mats = [.. rows.Select(r => TN.Randn(g, dtype, r, rank))];
        double[][] values = [.. mats.Select(m => m.ToArray<double>())];
        Tensor k = TN.Linalg.KhatriRao(mats);
        Assert.Equal([24, rank], k.Shape.ToArray());
        var expected = new double[24 * rank];
        foreach (int[] index in TensorKernelReference.Indices(rows))
        {
            int row = TensorKernelReference.Flat(rows, index);
            for (int r = 0; r < rank; r++)
            {
                double p = 1;
                for (int m = 0; m < rows.Length; m++) p *= values[m][index[m] * rank + r];
                expected[row * rank + r] = p;
            }
        }
        TensorKernelReference.Close(expected, k.ToArray<double>(), dtype == DType.Float32 ? 1e-6 : 1e-15, "KhatriRao");
    }

    [Fact]
    public void KhatriRao_OfTwoMatricesStacksKroneckerColumns()
    {
        var a = TN.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = TN.Tensor(new double[,] { { 5, 6 }, { 7, 8 }, { 9, 10 } });
        Tensor k = TN.Linalg.KhatriRao(a, b);
        Assert.Equal(new double[] { 5, 12, 7, 16, 9, 20, 15, 24, 21, 32, 27, 40 }, k.ToArray<double>());
    }

    [Fact]
    public void KhatriRao_PassesGradientCheck()
    {
        var g = new Generator(202);
        Tensor a = TN.Randn(g, DType.Float64, 3, 2).RequiringGrad(), b = TN.Randn(g, DType.Float64, 2, 2).RequiringGrad();
        Assert.True(GradCheck.Compare(t => TN.Linalg.KhatriRao(t[0], t[1]), [a, b]).Passed);
    }

    [Fact]
    public void KhatriRao_ThrowsForDifferentColumnCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.KhatriRao(TN.Zeros(DType.Float64, 3, 2), TN.Zeros(DType.Float64, 4, 5)));
        Assert.Contains("[3, 2]", e.Message);
        Assert.Contains("[4, 5]", e.Message);
    }

    [Fact]
    public void KhatriRao_ThrowsForNonMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.KhatriRao(TN.Zeros(DType.Float64, 3, 2, 1)));
        Assert.Contains("matrices[0]", e.Message);
        Assert.Contains("[3, 2, 1]", e.Message);
    }
}
