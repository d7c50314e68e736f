using TensorNetworks.Models.Decompositions;
using TensorNetworks.Training;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class CpAlsTests
{
    private static CpTensor Planted(ulong seed, DType dtype, int[] shape, int rank)
    {
        var g = new Generator(seed);
        return new CpTensor([.. shape.Select(d => TN.Randn(g, dtype, d, rank))]);
    }

    private static double RelativeError(Tensor x, CpTensor cp) => (x - cp.ToDense()).Norm().Item() / x.Norm().Item();

    private static void AssertNonDecreasing(IReadOnlyList<double> history, double slack)
    {
        for (int i = 1; i < history.Count; i++)
            Assert.True(history[i] >= history[i - 1] - slack, $"fit decreased at sweep {i}: {history[i - 1]:R} -> {history[i]:R}");
    }

    [Theory]
    [InlineData(CpInitialization.Random)]
    [InlineData(CpInitialization.Hosvd)]
    public void Fit_RecoversPlantedRankThreeTensor(CpInitialization init)
    {
        Tensor x = Planted(1, DType.Float64, [12, 10, 8], 3).ToDense();
        CpAlsResult r = CpAls.Fit(x, 3, new CpAlsOptions { MaxIterations = 1000, Tolerance = 1e-14, Initialization = init, Seed = 5 });
        Assert.True(RelativeError(x, r.Decomposition) < 1e-8, $"relative error {RelativeError(x, r.Decomposition):G3} after {r.FitHistory.Count} sweeps");
        Assert.True(r.Converged, r.Run.Message);
        Assert.True(1 - r.FitHistory[^1] < 1e-8);
        AssertNonDecreasing(r.FitHistory, 1e-12);
    }

    [Fact]
    public void Fit_FitNeverDecreasesOnNoisyTensor()
    {
        var g = new Generator(2);
        Tensor clean = Planted(2, DType.Float64, [9, 8, 7, 3], 4).ToDense();
        Tensor x = clean + TN.Randn(g, DType.Float64, 9, 8, 7, 3) * (0.3 * clean.Norm().Item() / Math.Sqrt(9 * 8 * 7 * 3));
        CpAlsResult r = CpAls.Fit(x, 4, new CpAlsOptions { MaxIterations = 60, Tolerance = 0, Seed = 3 });
        Assert.Equal(60, r.FitHistory.Count);
        AssertNonDecreasing(r.FitHistory, 1e-12);
        Assert.True(r.FitHistory[^1] > r.FitHistory[0]);
    }

    [Fact]
    public void FitHistory_EqualsDenseFitInTheExpandedRegime()
    {
        var g = new Generator(4);
        Tensor x = TN.Randn(g, DType.Float64, 7, 6, 5);
        CpAlsResult r = CpAls.Fit(x, 2, new CpAlsOptions { MaxIterations = 7, Tolerance = 0, Seed = 1 });
        Assert.True(1 - r.FitHistory[^1] > 1e-2, "the residual must be large enough for the expanded formula to be used");
        Assert.Equal(1 - RelativeError(x, r.Decomposition), r.FitHistory[^1], 1e-12);
    }

    [Fact]
    public void Fit_SameSeedGivesIdenticalFactors()
    {
        Tensor x = TN.Randn(new Generator(6), DType.Float64, 6, 5, 4);
        var options = new CpAlsOptions { MaxIterations = 5, Tolerance = 0, Seed = 11 };
        CpAlsResult a = CpAls.Fit(x, 3, options), b = CpAls.Fit(x, 3, options), c = CpAls.Fit(x, 3, options with { Seed = 12 });
        for (int k = 0; k < 3; k++)
            Assert.Equal(a.Decomposition.Factors[k].ToArray<double>(), b.Decomposition.Factors[k].ToArray<double>());
        Assert.Equal(a.Decomposition.Weights.ToArray<double>(), b.Decomposition.Weights.ToArray<double>());
        Assert.Equal(a.FitHistory, b.FitHistory);
        Assert.NotEqual(a.Decomposition.Factors[0].ToArray<double>(), c.Decomposition.Factors[0].ToArray<double>());
    }

    [Fact]
    public void Fit_NormalizesColumnsIntoWeights()
    {
        Tensor x = Planted(7, DType.Float64, [6, 5, 4], 2).ToDense();
        CpAlsResult r = CpAls.Fit(x, 2, new CpAlsOptions { MaxIterations = 20, Seed = 2 });
        foreach (Tensor f in r.Decomposition.Factors)
            Assert.All(f.Square().Sum(0).ToArray<double>(), v => Assert.Equal(1, v, 1e-12));
        Assert.All(r.Decomposition.Weights.ToArray<double>(), w => Assert.True(w > 0));
    }

    [Fact]
    public void Fit_ComputesInFloat32()
    {
        Tensor x = Planted(8, DType.Float32, [10, 9, 8], 2).ToDense();
        CpAlsResult r = CpAls.Fit(x, 2, new CpAlsOptions { MaxIterations = 300, Tolerance = 1e-7, Seed = 4 });
        Assert.Equal(DType.Float32, r.Decomposition.DType);
        Assert.True(RelativeError(x, r.Decomposition) < 1e-4, $"relative error {RelativeError(x, r.Decomposition):G3}");
    }

    [Fact]
    public void Fit_RunsOneTrainerEpochPerSweep()
    {
        Tensor x = TN.Randn(new Generator(9), DType.Float64, 5, 4, 3);
        CpAlsResult r = CpAls.Fit(x, 2, new CpAlsOptions { MaxIterations = 4, Tolerance = 0 });
        Assert.Equal(StopReason.Completed, r.Run.StopReason);
        Assert.Equal(4, r.Run.Epochs);
        Assert.Equal(4, r.FitHistory.Count);
        Assert.Equal(r.Run.History.Select(e => 1 - Math.Sqrt(e.MeanLoss) / x.Norm().Item()), r.FitHistory);
    }

    [Fact]
    public void Fit_ThrowsForNonPositiveRank()
    {
        Tensor x = TN.Zeros(DType.Float64, 3, 4);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => CpAls.Fit(x, 0));
        Assert.Contains("the rank must be at least 1, got 0", zero.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => CpAls.Fit(x, -2));
        Assert.Contains("got -2", negative.Message);
    }

    [Fact]
    public void Fit_ThrowsForBadOptions()
    {
        Tensor x = TN.Zeros(DType.Float64, 3, 4);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => CpAls.Fit(x, 2, new CpAlsOptions { MaxIterations = 0 })).Message);
        Assert.Contains("got -1", Assert.Throws<ArgumentOutOfRangeException>(() => CpAls.Fit(x, 2, new CpAlsOptions { Tolerance = -1 })).Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_ThrowsForNonFiniteEntry(double bad)
    {
        double[] values = [.. Enumerable.Range(0, 24).Select(i => (double)i)];
        values[7] = bad;
        var e = Assert.Throws<ArgumentException>(() => CpAls.Fit(TN.Tensor(values, 2, 3, 4), 2));
        Assert.Contains("NaN or infinite", e.Message);
        Assert.Contains("[2, 3, 4]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForOneModeTensor()
    {
        var e = Assert.Throws<ArgumentException>(() => CpAls.Fit(TN.Zeros(DType.Float64, 5), 1));
        Assert.Contains("[5]", e.Message);
    }
}
