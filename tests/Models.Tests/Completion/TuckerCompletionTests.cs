using TensorNetworks.Models.Completion;
using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class TuckerCompletionTests
{
    private static Tensor Planted(ulong seed)
    {
        var g = new Generator(seed);
        return new TuckerTensor(TN.Randn(g, DType.Float64, 2, 2, 2), [.. Enumerable.Range(0, 3).Select(_ => TN.Randn(g, DType.Float64, 15, 2))]).ToDense();
    }

    [Fact]
    public void Fit_RecoversPlantedRankTwoTwoTwoTensorFromThirtyPercent()
    {
        Tensor x = Planted(1);
        Tensor mask = CompletionFixtures.Mask(2, 0.3, 15, 15, 15);
        var r = TuckerCompletion.Fit(x, mask, [2, 2, 2], new CompletionOptions { MaxSteps = 15, Seed = 3 });
        double error = CompletionFixtures.UnobservedRelativeError(x, mask, r.Decomposition.ToDense());
        Assert.True(error < 1e-3, $"unobserved relative error {error:G3} after {r.Run.Steps} steps ({r.Run.Message})");
        Assert.Equal(new Shape(2, 2, 2), r.Decomposition.Ranks);
    }

    [Fact]
    public void Fit_SameSeedGivesIdenticalCoreAndFactors()
    {
        Tensor x = Planted(4);
        Tensor mask = CompletionFixtures.Mask(5, 0.3, 15, 15, 15);
        var options = new CompletionOptions { MaxSteps = 2, Seed = 6 };
        var a = TuckerCompletion.Fit(x, mask, [2, 2, 2], options);
        var b = TuckerCompletion.Fit(x, mask, [2, 2, 2], options);
        var c = TuckerCompletion.Fit(x, mask, [2, 2, 2], options with { Seed = 7 });
        Assert.Equal(a.Decomposition.Core.ToArray<double>(), b.Decomposition.Core.ToArray<double>());
        for (int k = 0; k < 3; k++)
            Assert.Equal(a.Decomposition.Factors[k].ToArray<double>(), b.Decomposition.Factors[k].ToArray<double>());
        Assert.Equal(a.LossHistory, b.LossHistory);
        Assert.NotEqual(a.Decomposition.Core.ToArray<double>(), c.Decomposition.Core.ToArray<double>());
    }

    [Fact]
    public void Fit_ThrowsForNonPositiveRankNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TuckerCompletion.Fit(TN.Ones(DType.Float64, 3, 3, 3), TN.Ones(DType.Float64, 3, 3, 3), [2, 0, 2]));
        Assert.Contains("ranks[1]", e.Message);
    }

    [Theory]
    [InlineData(new[] { 5, 2, 2 }, "exceeds the size 4 of mode 0")]
    [InlineData(new[] { 4, 1, 2 }, "exceeds the product of the other ranks, 2")]
    public void Fit_ThrowsForRanksBeyondWhatHosvdAllows(int[] ranks, string expected)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TuckerCompletion.Fit(TN.Ones(DType.Float64, 4, 5, 3), TN.Ones(DType.Float64, 4, 5, 3), ranks));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("TuckerCompletion", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForRankCountDifferentFromOrder()
    {
        var e = Assert.Throws<ArgumentException>(() => TuckerCompletion.Fit(TN.Ones(DType.Float64, 3, 3, 3), TN.Ones(DType.Float64, 3, 3, 3), [2, 2]));
        Assert.Contains("[2, 2]", e.Message);
        Assert.Contains("3 modes", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForMaskOfWrongShapeNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TuckerCompletion.Fit(TN.Ones(DType.Float64, 3, 3, 3), TN.Ones(DType.Float64, 3, 3, 2), [2, 2, 2]));
        Assert.Contains("[3, 3, 2]", e.Message);
        Assert.Contains("[3, 3, 3]", e.Message);
    }
}
