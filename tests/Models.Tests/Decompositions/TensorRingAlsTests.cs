using TensorNetworks.Models.Decompositions;
using TensorNetworks.Training;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TensorRingAlsTests
{
    private static Tensor PlantedRing() => TensorRing.Random(new Generator(100), [4, 5, 6], [2, 2, 2, 2]).ToDense();

    [Fact]
    public void Fit_RecoversAPlantedRing()
    {
        Tensor target = PlantedRing();
        TensorRingFitResult fit = TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { Seed = 1, TargetError = 1e-9 });
        Assert.Equal(StopReason.Requested, fit.StopReason);
        Assert.True(fit.ErrorHistory[^1] < 1e-6, $"final relative error {fit.ErrorHistory[^1]:G3}");
        Assert.True(RelativeError(fit.Ring.ToDense(), target) < 1e-6);
        Assert.Equal([2, 2, 2, 2], fit.Ring.Ranks);
    }

    [Fact]
    public void Starts_RecoverARingThatTheFirstSeedStallsOn()
    {
        // Seed 0 stalls at error 0.13 on this planted ring (the class docs' example); seed 1 recovers it.
        Tensor target = TensorRing.Random(new Generator(3), [4, 5, 6], [2, 2, 2, 2]).ToDense();
        TensorRingFitResult single = TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { TargetError = 1e-8 });
        TensorRingFitResult several = TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { TargetError = 1e-8, Starts = 8 });
        Assert.True(single.ErrorHistory[^1] > 0.1, $"seed 0 ended at {single.ErrorHistory[^1]:G3}");
        Assert.Equal(0, single.Start);
        Assert.True(several.ErrorHistory[^1] <= 1e-8, $"ended at {several.ErrorHistory[^1]:G3}");
        Assert.Equal(1, several.Start);
        Assert.Equal(StopReason.Requested, several.StopReason);
    }

    [Fact]
    public void Starts_WithoutATargetKeepTheLowestFinalError()
    {
        var options = new TensorRingAlsOptions { MaxSweeps = 6, Tolerance = 0, Seed = 10 };
        double[] each = [.. Enumerable.Range(0, 3).Select(k => TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options with { Seed = 10 + (ulong)k }).ErrorHistory[^1])];
        TensorRingFitResult best = TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options with { Starts = 3 });
        Assert.Equal(each.Min(), best.ErrorHistory[^1]);
        Assert.Equal(Array.IndexOf(each, each.Min()), best.Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options with { Starts = 0 }));
    }

    [Fact]
    public void Fit_ErrorHistoryNeverIncreases()
    {
        TensorRingFitResult fit = TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], new TensorRingAlsOptions { Seed = 2, MaxSweeps = 40, Tolerance = 0 });
        Assert.Equal(40, fit.ErrorHistory.Count);
        for (int i = 1; i < fit.ErrorHistory.Count; i++)
            Assert.True(fit.ErrorHistory[i] <= fit.ErrorHistory[i - 1] * (1 + 1e-9) + 1e-14, $"sweep {i}: {fit.ErrorHistory[i]:R} > {fit.ErrorHistory[i - 1]:R}");
        Assert.True(fit.ErrorHistory[^1] < fit.ErrorHistory[0]);
    }

    [Fact]
    public void Fit_OnAFullRandomTensor_StopsAtTheToleranceWithAPositiveError()
    {
        Tensor target = TN.Randn(new Generator(4), DType.Float64, 4, 4, 4);
        TensorRingFitResult fit = TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { Seed = 3, Tolerance = 1e-4 });
        Assert.Equal(StopReason.Converged, fit.StopReason);
        Assert.InRange(fit.ErrorHistory[^1], 0.05, 1.0);
        Close(RelativeError(fit.Ring.ToDense(), target), fit.ErrorHistory[^1], 1e-9);
    }

    [Fact]
    public void Fit_SameSeedGivesTheSameRing()
    {
        var options = new TensorRingAlsOptions { Seed = 7, MaxSweeps = 5 };
        TensorRingFitResult a = TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options);
        TensorRingFitResult b = TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options);
        Assert.Equal(a.ErrorHistory, b.ErrorHistory);
        for (int k = 0; k < 3; k++) Assert.Equal(a.Ring.Cores[k].ToArray<double>(), b.Ring.Cores[k].ToArray<double>());
        TensorRingFitResult other = TensorRingAls.Fit(PlantedRing(), [2, 2, 2, 2], options with { Seed = 8 });
        Assert.NotEqual(a.ErrorHistory, other.ErrorHistory);
    }

    [Fact]
    public void Fit_WorksInFloat32()
    {
        Tensor target = PlantedRing().To(DType.Float32);
        TensorRingFitResult fit = TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { Seed = 1, MaxSweeps = 100, TargetError = 1e-4 });
        Assert.Equal(DType.Float32, fit.Ring.DType);
        Assert.True(fit.ErrorHistory[^1] < 1e-3, $"final relative error {fit.ErrorHistory[^1]:G3}");
    }

    [Fact]
    public void Fit_ThrowsForBadRanksAndOptions()
    {
        Tensor target = PlantedRing();
        var open = Assert.Throws<ArgumentException>(() => TensorRingAls.Fit(target, [2, 2, 2, 3]));
        Assert.Contains("r_0 = 2 and r_3 = 3", open.Message);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => TensorRingAls.Fit(target, [2, 0, 2, 2]));
        Assert.Contains("ranks[1] must be at least 1, got 0", zero.Message);
        var large = Assert.Throws<ArgumentException>(() => TensorRingAls.Fit(target, [6, 6, 6, 6]));
        Assert.Contains("36 unknowns", large.Message);
        var sweeps = Assert.Throws<ArgumentOutOfRangeException>(() => TensorRingAls.Fit(target, [2, 2, 2, 2], new TensorRingAlsOptions { MaxSweeps = 0 }));
        Assert.Contains("got 0", sweeps.Message);
        var zeros = Assert.Throws<ArgumentException>(() => TensorRingAls.Fit(TN.Zeros(DType.Float64, 3, 3), [1, 1, 1]));
        Assert.Contains("all zeros", zeros.Message);
    }
}
