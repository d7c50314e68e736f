using TensorNetworks.Models.Completion;
using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class CpCompletionTests
{
    private static Tensor Planted(ulong seed) =>
        new CpTensor([.. Enumerable.Range(0, 3).Select(_ => TN.Randn(new Generator(seed++), DType.Float64, 15, 2))]).ToDense();

    [Fact]
    public void Fit_RecoversPlantedRankTwoTensorFromThirtyPercent()
    {
        Tensor x = Planted(1);
        Tensor mask = CompletionFixtures.Mask(2, 0.3, 15, 15, 15);
        var r = CpCompletion.Fit(x, mask, 2, new CompletionOptions { MaxSteps = 15, Seed = 3 });
        double error = CompletionFixtures.UnobservedRelativeError(x, mask, r.Decomposition.ToDense());
        Assert.True(error < 1e-3, $"unobserved relative error {error:G3} after {r.Run.Steps} steps ({r.Run.Message})");
        Assert.Equal(r.Run.Steps + 1, r.LossHistory.Count);
        Assert.True(r.LossHistory[^1] < 1e-6 * r.LossHistory[0]);
    }

    [Fact]
    public void Fit_WithSeveralStartsKeepsTheLowestLossAndRecoversWhereOneStartFails()
    {
        int[] shape = [12, 11, 10];
        Tensor x = new CpTensor([.. Enumerable.Range(0, 3).Select(k => TN.Randn(new Generator(50 + (ulong)k), DType.Float64, shape[k], 2))]).ToDense();
        Tensor mask = CompletionFixtures.Mask(500, 0.3, shape);
        double[] single = [.. Enumerable.Range(0, 4).Select(k => CpCompletion.Fit(x, mask, 2, new CompletionOptions { Seed = (ulong)k }).LossHistory[^1])];
        var best = CpCompletion.Fit(x, mask, 2, new CompletionOptions { Seed = 0, Starts = 4 });
        Assert.Equal(single.Min(), best.LossHistory[^1]);
        Assert.Equal((ulong)Array.IndexOf(single, single.Min()), best.Seed);
        double alone = CompletionFixtures.UnobservedRelativeError(x, mask, CpCompletion.Fit(x, mask, 2).Decomposition.ToDense());
        double error = CompletionFixtures.UnobservedRelativeError(x, mask, best.Decomposition.ToDense());
        Assert.True(alone > 1, $"the single start from seed 0 was meant to fail here, but reached {alone:G3}");
        Assert.True(error < 1e-10, $"unobserved relative error {error:G3} with four starts");
    }

    [Fact]
    public void Fit_WithSeveralStartsRethrowsOnlyWhenEveryStartDiverges()
    {
        Tensor x = Planted(9);
        Tensor mask = CompletionFixtures.Mask(10, 0.3, 15, 15, 15);
        var diverging = new CompletionOptions { Optimizer = CompletionOptimizer.Adam, LearningRate = 1e200, MaxSteps = 5, Starts = 3 };
        Assert.Throws<TensorNetworks.Training.NonFiniteException>(() => CpCompletion.Fit(x, mask, 2, diverging));
    }

    [Fact]
    public void Fit_FinalLossIsHalfSquaredErrorOfReturnedTensorOnObservedEntries()
    {
        Tensor x = TN.Randn(new Generator(4), DType.Float64, 6, 5, 4);
        Tensor mask = CompletionFixtures.Mask(5, 0.5, 6, 5, 4);
        var r = CpCompletion.Fit(x, mask, 2, new CompletionOptions { MaxSteps = 3, Seed = 1 });
        double dense = 0.5 * ((x - r.Decomposition.ToDense()) * mask).Square().Sum().Item();
        Assert.Equal(dense, r.LossHistory[^1], 1e-9);
        Assert.True(r.LossHistory[^1] < r.LossHistory[0]);
    }

    [Fact]
    public void Fit_SameSeedGivesIdenticalFactors()
    {
        Tensor x = Planted(6);
        Tensor mask = CompletionFixtures.Mask(7, 0.3, 15, 15, 15);
        var options = new CompletionOptions { MaxSteps = 2, Seed = 8 };
        var a = CpCompletion.Fit(x, mask, 2, options);
        var b = CpCompletion.Fit(x, mask, 2, options);
        var c = CpCompletion.Fit(x, mask, 2, options with { Seed = 9 });
        for (int k = 0; k < 3; k++)
            Assert.Equal(a.Decomposition.Factors[k].ToArray<double>(), b.Decomposition.Factors[k].ToArray<double>());
        Assert.Equal(a.LossHistory, b.LossHistory);
        Assert.NotEqual(a.Decomposition.Factors[0].ToArray<double>(), c.Decomposition.Factors[0].ToArray<double>());
    }

    [Fact]
    public void Fit_WithAdamInFloat32LowersTheLossAndKeepsTheDType()
    {
        Tensor x = Planted(10).To(DType.Float32);
        Tensor mask = CompletionFixtures.Mask(11, 0.3, 15, 15, 15);
        var r = CpCompletion.Fit(x, mask, 2, new CompletionOptions { Optimizer = CompletionOptimizer.Adam, MaxSteps = 100, LearningRate = 0.05, Seed = 2 });
        Assert.Equal(DType.Float32, r.Decomposition.DType);
        Assert.True(r.LossHistory[^1] < 0.2 * r.LossHistory[0], $"loss {r.LossHistory[0]:G4} -> {r.LossHistory[^1]:G4}");
    }

    [Fact]
    public void Fit_PenaltyShrinksTheFactors()
    {
        Tensor x = Planted(12);
        Tensor mask = CompletionFixtures.Mask(13, 0.3, 15, 15, 15);
        var options = new CompletionOptions { MaxSteps = 10, Seed = 1 };
        double plain = Norm(CpCompletion.Fit(x, mask, 2, options).Decomposition);
        double penalized = Norm(CpCompletion.Fit(x, mask, 2, options with { L2Penalty = 50 }).Decomposition);
        Assert.True(penalized < 0.9 * plain, $"Σ‖A_k‖²: {plain:G4} without the penalty, {penalized:G4} with it");
    }

    private static double Norm(CpTensor cp) => cp.Factors.Sum(f => f.Square().Sum().Item());

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Fit_ThrowsForNonPositiveRank(int rank)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CpCompletion.Fit(TN.Ones(DType.Float64, 3, 3), TN.Ones(DType.Float64, 3, 3), rank));
        Assert.Contains($"got {rank}", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForMaskOfWrongShapeNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => CpCompletion.Fit(TN.Ones(DType.Float64, 5, 4, 3), TN.Ones(DType.Float64, 5, 4), 2));
        Assert.Contains("[5, 4, 3]", e.Message);
        Assert.Contains("[5, 4]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForEmptyObservedSet()
    {
        Assert.Throws<ArgumentException>(() => CpCompletion.Fit(TN.Ones(DType.Float64, 3, 3), TN.Zeros(DType.Float64, 3, 3), 1));
    }
}
