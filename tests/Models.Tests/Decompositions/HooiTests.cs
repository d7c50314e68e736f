using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class HooiTests
{
    [Fact]
    public void Fit_ErrorLiesBetweenHosvdBoundAndHosvd()
    {
        int[] ranks = [3, 3, 3];
        Tensor x = TuckerPlanted.Noisy(31, [10, 9, 8], ranks, noise: 0.5);
        double hosvd = TuckerPlanted.RelativeError(x, Hosvd.Fit(x, ranks));
        double st = TuckerPlanted.RelativeError(x, Hosvd.FitSequentiallyTruncated(x, ranks));
        HooiResult r = Hooi.Fit(x, ranks, maxIterations: 200, tolerance: 1e-13);
        double hooi = TuckerPlanted.RelativeError(x, r.Decomposition);
        Assert.True(hooi <= hosvd + 1e-12, $"HOOI {hooi:R} must not be worse than HOSVD {hosvd:R}");
        Assert.True(hosvd <= Math.Sqrt(3) * hooi, $"HOSVD {hosvd:R} must be within √N of HOOI {hooi:R}");
        Assert.True(st <= Math.Sqrt(3) * hooi, $"ST-HOSVD {st:R} must be within √N of HOOI {hooi:R}");
        Assert.True(hooi < hosvd, "on a noisy tensor HOOI should improve on its HOSVD start");
    }

    [Fact]
    public void Fit_FitNeverDecreasesAndMatchesDenseFit()
    {
        Tensor x = TuckerPlanted.Noisy(32, [9, 8, 7, 4], [2, 3, 2, 2], noise: 0.8);
        HooiResult r = Hooi.Fit(x, [2, 3, 2, 2], maxIterations: 15, tolerance: 0);
        Assert.True(r.FitHistory.Count >= 2);
        for (int i = 1; i < r.FitHistory.Count; i++)
            Assert.True(r.FitHistory[i] >= r.FitHistory[i - 1] - 1e-12, $"fit decreased at sweep {i}: {r.FitHistory[i - 1]:R} -> {r.FitHistory[i]:R}");
        Assert.Equal(1 - TuckerPlanted.RelativeError(x, r.Decomposition), r.FitHistory[^1], 1e-12);
    }

    [Fact]
    public void Fit_IsExactForExactMultilinearRank()
    {
        Tensor x = TuckerPlanted.Exact(33, DType.Float64, [12, 10, 8], [3, 4, 2]);
        HooiResult r = Hooi.Fit(x, [3, 4, 2]);
        Assert.True(TuckerPlanted.RelativeError(x, r.Decomposition) < 1e-10);
        Assert.True(r.Converged, r.Run.Message);
        TuckerPlanted.AssertOrthonormal(r.Decomposition, 1e-12);
    }

    [Fact]
    public void Fit_ConvergesInFloat32ByDefault()
    {
        Tensor x = TuckerPlanted.Exact(35, DType.Float32, [12, 10, 8], [2, 2, 2]);
        HooiResult r = Hooi.Fit(x, [2, 2, 2]);
        Assert.True(r.Converged, $"{r.FitHistory.Count} sweeps, last fits {string.Join(", ", r.FitHistory.TakeLast(3))}");
        Assert.True(r.FitHistory.Count < 10, $"{r.FitHistory.Count} sweeps");
    }

    [Fact]
    public void Fit_IsDeterministic()
    {
        Tensor x = TuckerPlanted.Noisy(34, [6, 5, 4], [2, 2, 2], noise: 0.3);
        HooiResult a = Hooi.Fit(x, [2, 2, 2], maxIterations: 5, tolerance: 0), b = Hooi.Fit(x, [2, 2, 2], maxIterations: 5, tolerance: 0);
        Assert.Equal(a.Decomposition.Core.ToArray<double>(), b.Decomposition.Core.ToArray<double>());
        Assert.Equal(a.FitHistory, b.FitHistory);
    }

    [Fact]
    public void Fit_ThrowsForBadIterationSettings()
    {
        Tensor x = TN.Zeros(DType.Float64, 4, 4);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => Hooi.Fit(x, [2, 2], maxIterations: 0)).Message);
        Assert.Contains("got NaN", Assert.Throws<ArgumentOutOfRangeException>(() => Hooi.Fit(x, [2, 2], tolerance: double.NaN)).Message);
    }

    [Fact]
    public void Fit_ThrowsForRankLargerThanMode()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Hooi.Fit(TN.Zeros(DType.Float64, 4, 3), [3, 4]));
        Assert.Contains("ranks[1] = 4", e.Message);
        Assert.Contains("size 3 of mode 1", e.Message);
    }
}
