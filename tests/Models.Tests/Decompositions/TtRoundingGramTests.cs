using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtRoundingGramTests
{
    [Fact]
    public void GramStep_SplitsAWellConditionedTallCore_IntoAnOrthonormalCoreAndItsCarry()
    {
        Tensor c = TN.Randn(new Generator(10), DType.Float64, 80, 40);
        var step = TtRounding.GramStep(c, 0, 20);
        Assert.NotNull(step);
        var (core, carry) = step.Value;
        Assert.Equal(20, core.Size(1));
        Close(TN.Eye(20, dtype: DType.Float64), TN.MatMul(core.Transpose(0, 1), core), 1e-12);
        var (u, s, vt) = TN.Linalg.Svd(c);
        Tensor best = TN.MatMul(u.Narrow(1, 0, 20) * s.Narrow(0, 0, 20), vt.Narrow(0, 0, 20));
        Close(best, TN.MatMul(core, carry), 1e-10);
    }

    [Fact]
    public void GramStep_SplitsAWideCore()
    {
        Tensor c = TN.Randn(new Generator(11), DType.Float64, 12, 40);
        var (core, carry) = TtRounding.GramStep(c, 0, 12)!.Value;
        Close(TN.Eye(12, dtype: DType.Float64), TN.MatMul(core.Transpose(0, 1), core), 1e-12);
        Close(c, TN.MatMul(core, carry), 1e-10);
    }

    [Fact]
    public void GramStep_ReturnsNull_WhenTheKeptRankReachesBelowTheGramAccuracy()
    {
        Tensor a = TN.Randn(new Generator(12), DType.Float64, 80, 10);
        Tensor c = TN.Cat([a, a], 1);
        Assert.Null(TtRounding.GramStep(c, 1e-14, 20));
    }

    [Fact]
    public void Round_FallsBackToTheSvd_ForADoubledSumWithATinyTolerance()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(13), [4, 4, 4, 4, 4], [1, 4, 8, 8, 4, 1]);
        TensorTrain rounded = TtRounding.Round(tt + tt, 1e-13);
        Assert.Equal([1, 4, 8, 8, 4, 1], rounded.Ranks);
        Assert.True(RelativeError(rounded.ToDense(), (tt * 2).ToDense()) < 1e-12);
    }

    [Fact]
    public void Round_ThroughTheGramRoute_MatchesTheCappedSvdRounding()
    {
        TensorTrain a = TensorTrain.Random(new Generator(14), [4, 4, 4, 4, 4, 4], [1, 4, 6, 6, 6, 4, 1]);
        TensorTrain b = TensorTrain.Random(new Generator(15), [4, 4, 4, 4, 4, 4], [1, 4, 6, 6, 6, 4, 1]);
        TensorTrain sum = a + b;
        int[] caps = [1, 4, 6, 6, 6, 4, 1];
        TensorTrain rounded = TtRounding.Round(sum, 0, caps), direct = TtSvd.Decompose(sum.ToDense(), 0, caps);
        Assert.Equal(caps, rounded.Ranks);
        Assert.True(RelativeError(rounded.ToDense(), direct.ToDense()) < 1e-8);
    }

    [Fact]
    public void Round_ThroughTheGramRoute_HonoursAModerateAccuracyBound()
    {
        TensorTrain a = TensorTrain.Random(new Generator(16), [5, 5, 5, 5, 5], [1, 5, 10, 10, 5, 1]);
        TensorTrain b = TensorTrain.Random(new Generator(17), [5, 5, 5, 5, 5], [1, 5, 10, 10, 5, 1]);
        TensorTrain sum = a + b;
        Tensor dense = sum.ToDense();
        foreach (double eps in new[] { 0.05, 0.2, 0.5 })
            Assert.True(RelativeError(TtRounding.Round(sum, eps).ToDense(), dense) <= eps);
    }
}
