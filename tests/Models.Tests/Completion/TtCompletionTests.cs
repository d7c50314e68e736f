using TensorNetworks.Models.Completion;
using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class TtCompletionTests
{
    private static Tensor Planted(ulong seed) => TensorTrain.Random(new Generator(seed), [15, 15, 15], [1, 2, 2, 1]).ToDense();

    [Fact]
    public void Fit_RecoversPlantedTrainFromThirtyPercent()
    {
        Tensor x = Planted(1);
        Tensor mask = CompletionFixtures.Mask(2, 0.3, 15, 15, 15);
        var r = TtCompletion.Fit(x, mask, [1, 2, 2, 1], new CompletionOptions { MaxSteps = 15, Seed = 3 });
        double error = CompletionFixtures.UnobservedRelativeError(x, mask, r.Decomposition.ToDense());
        Assert.True(error < 1e-3, $"unobserved relative error {error:G3} after {r.Run.Steps} steps ({r.Run.Message})");
        Assert.Equal([1, 2, 2, 1], r.Decomposition.Ranks);
    }

    [Fact]
    public void Fit_AcceptsAnIndexList()
    {
        TensorTrain planted = TensorTrain.Random(new Generator(4), [6, 5, 4], [1, 2, 2, 1]);
        Tensor mask = CompletionFixtures.Mask(5, 0.6, 6, 5, 4);
        var fromMask = ObservedEntries.FromMask(planted.ToDense(), mask);
        int[][] indices = [.. Enumerable.Range(0, fromMask.Count).Select(j => new[] { fromMask.ModeIndices(0)[j], fromMask.ModeIndices(1)[j], fromMask.ModeIndices(2)[j] })];
        var listed = new ObservedEntries(fromMask.Shape, indices, fromMask.Values);
        var options = new CompletionOptions { MaxSteps = 3, Seed = 1 };
        Assert.Equal(TtCompletion.Fit(fromMask, [1, 2, 2, 1], options).LossHistory, TtCompletion.Fit(listed, [1, 2, 2, 1], options).LossHistory);
    }

    [Fact]
    public void Fit_SameSeedGivesIdenticalCores()
    {
        Tensor x = Planted(6);
        Tensor mask = CompletionFixtures.Mask(7, 0.3, 15, 15, 15);
        var options = new CompletionOptions { MaxSteps = 2, Seed = 8 };
        var a = TtCompletion.Fit(x, mask, [1, 2, 2, 1], options);
        var b = TtCompletion.Fit(x, mask, [1, 2, 2, 1], options);
        var c = TtCompletion.Fit(x, mask, [1, 2, 2, 1], options with { Seed = 9 });
        for (int k = 0; k < 3; k++)
            Assert.Equal(a.Decomposition.Cores[k].ToArray<double>(), b.Decomposition.Cores[k].ToArray<double>());
        Assert.Equal(a.LossHistory, b.LossHistory);
        Assert.NotEqual(a.Decomposition.Cores[0].ToArray<double>(), c.Decomposition.Cores[0].ToArray<double>());
    }

    [Fact]
    public void Fit_ThrowsForNonPositiveRank()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TtCompletion.Fit(TN.Ones(DType.Float64, 3, 3, 3), TN.Ones(DType.Float64, 3, 3, 3), [1, -1, 2, 1]));
        Assert.Contains("ranks[1]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForARankBeyondItsUnfolding()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TtCompletion.Fit(TN.Ones(DType.Float64, 4, 5, 3), TN.Ones(DType.Float64, 4, 5, 3), [1, 9, 3, 1]));
        Assert.Contains("ranks[1] = 9 exceeds 4", e.Message);
        Assert.Contains("4 × 15", e.Message);
        TtCompletion.Fit(TN.Ones(DType.Float64, 4, 5, 3), TN.Ones(DType.Float64, 4, 5, 3), [1, 4, 3, 1], new CompletionOptions { MaxSteps = 2 });
    }

    [Theory]
    [InlineData(new[] { 1, 2, 1 })]
    [InlineData(new[] { 2, 2, 2, 1 })]
    [InlineData(new[] { 1, 2, 2, 3 })]
    public void Fit_ThrowsForRanksOfWrongLengthOrBoundary(int[] ranks)
    {
        var e = Assert.Throws<ArgumentException>(() => TtCompletion.Fit(TN.Ones(DType.Float64, 3, 3, 3), TN.Ones(DType.Float64, 3, 3, 3), ranks));
        Assert.Contains($"[{string.Join(", ", ranks)}]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForMaskOfWrongShapeNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TtCompletion.Fit(TN.Ones(DType.Float64, 3, 4, 5), TN.Ones(DType.Float64, 5, 4, 3), [1, 2, 2, 1]));
        Assert.Contains("[5, 4, 3]", e.Message);
        Assert.Contains("[3, 4, 5]", e.Message);
    }
}
