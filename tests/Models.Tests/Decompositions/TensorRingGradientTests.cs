using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public class TensorRingGradientTests
{
    [Fact]
    public void Fit_RecoversAPlantedRing()
    {
        Tensor t = TensorRing.Random(new Generator(100), [4, 5, 6], [2, 2, 2, 2]).ToDense();
        TensorRingFitResult fit = TensorRingGradient.Fit(t, [2, 2, 2, 2], new TensorRingGradientOptions { Seed = 1 });
        double error = ((fit.Ring.ToDense() - t).Norm() / t.Norm()).Item();
        Assert.True(error < 1e-6, $"relative error {error:E3} after {fit.ErrorHistory.Count} steps: {fit.Message}");
        Assert.Equal(error, fit.ErrorHistory[^1], 1e-12);
    }

    [Fact]
    public void Fit_IsDeterministicForASeed()
    {
        Tensor t = TensorRing.Random(new Generator(5), [3, 4, 3], [2, 2, 2, 2]).ToDense();
        var options = new TensorRingGradientOptions { Seed = 4, MaxSteps = 3 };
        var a = TensorRingGradient.Fit(t, [2, 2, 2, 2], options).Ring.ToDense().ToArray<double>();
        var b = TensorRingGradient.Fit(t, [2, 2, 2, 2], options).Ring.ToDense().ToArray<double>();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Starts_KeepTheLowestFinalError()
    {
        Tensor t = TensorRing.Random(new Generator(5), [3, 4, 3], [2, 2, 2, 2]).ToDense();
        var options = new TensorRingGradientOptions { Seed = 4, MaxSteps = 2, IterationsPerStep = 3 };
        double[] each = [.. Enumerable.Range(0, 3).Select(k => TensorRingGradient.Fit(t, [2, 2, 2, 2], options with { Seed = 4 + (ulong)k }).ErrorHistory[^1])];
        TensorRingFitResult best = TensorRingGradient.Fit(t, [2, 2, 2, 2], options with { Starts = 3 });
        Assert.Equal(each.Min(), best.ErrorHistory[^1]);
        Assert.Equal(Array.IndexOf(each, each.Min()), best.Start);
        Assert.Contains("Starts must be at least 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() =>
            TensorRingGradient.Fit(t, [2, 2, 2, 2], options with { Starts = 0 })).Message);
    }

    [Fact]
    public void Fit_ValidatesRanksAndOptions()
    {
        Tensor t = TN.Ones(3, 4, 3).To(DType.Float64);
        Assert.Contains("closes", Assert.ThrowsAny<ArgumentException>(() => TensorRingGradient.Fit(t, [2, 2, 2, 3])).Message);
        Assert.Contains("MaxSteps must be at least 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() =>
            TensorRingGradient.Fit(t, [2, 2, 2, 2], new TensorRingGradientOptions { MaxSteps = 0 })).Message);
    }
}
