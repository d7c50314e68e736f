using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtRoundingTests
{
    [Fact]
    public void Round_BringsADoubledSumBackToTheOriginalRanks()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(1), [5, 6, 7, 6], [1, 3, 4, 3, 1]);
        TensorTrain sum = tt + tt;
        Assert.Equal([1, 6, 8, 6, 1], sum.Ranks);
        TensorTrain rounded = TtRounding.Round(sum, 1e-12);
        Assert.Equal([1, 3, 4, 3, 1], rounded.Ranks);
        Assert.True(RelativeError(rounded.ToDense(), (tt * 2).ToDense()) < 1e-10);
    }

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Round_WithZeroEpsilon_RemovesNumericallyRedundantRank(DType dtype)
    {
        TensorTrain tt = TensorTrain.Random(new Generator(2), [4, 5, 4], [1, 3, 3, 1], dtype);
        TensorTrain rounded = TtRounding.Round(tt + tt, 0);
        Assert.Equal([1, 3, 3, 1], rounded.Ranks);
        Assert.True(RelativeError(rounded.ToDense(), (tt * 2).ToDense()) < (dtype == DType.Float64 ? 1e-12 : 1e-5));
    }

    [Fact]
    public void Round_HonoursTheAccuracyBound_AndRanksShrinkAsEpsilonGrows()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(2), [6, 5, 6, 5], [1, 6, 12, 5, 1]);
        Tensor dense = tt.ToDense();
        int previous = int.MaxValue;
        foreach (double eps in new[] { 0.01, 0.1, 0.3, 0.6 })
        {
            TensorTrain rounded = TtRounding.Round(tt, eps);
            double error = RelativeError(rounded.ToDense(), dense);
            Assert.True(error <= eps, $"ε = {eps}: relative error {error}");
            Assert.True(rounded.Ranks.Sum() <= previous);
            previous = rounded.Ranks.Sum();
        }
        Assert.True(previous < tt.Ranks.Sum());
    }

    [Fact]
    public void Round_AgreesWithTtSvdOfTheDenseTensor()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(3), [4, 5, 6], [1, 4, 4, 1]);
        TensorTrain rounded = TtRounding.Round(tt, 0.2), direct = TtSvd.Decompose(tt.ToDense(), 0.2);
        Assert.Equal(direct.Ranks, rounded.Ranks);
        Close(direct.ToDense(), rounded.ToDense(), 1e-10);
    }

    [Fact]
    public void Round_RespectsRankCaps()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(4), [4, 5, 6], [1, 4, 4, 1]);
        Assert.Equal([1, 2, 3, 1], TtRounding.Round(tt, 0, [1, 2, 3, 1]).Ranks);
    }

    [Fact]
    public void Round_WorksInFloat32()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(5), [4, 5, 6], [1, 2, 3, 1], DType.Float32);
        TensorTrain rounded = TtRounding.Round(tt + tt, 1e-4);
        Assert.Equal(DType.Float32, rounded.DType);
        Assert.Equal([1, 2, 3, 1], rounded.Ranks);
        Assert.True(RelativeError(rounded.ToDense(), (tt * 2).ToDense()) < 1e-4);
    }

    [Fact]
    public void Round_ThrowsForNegativeAccuracy()
    {
        TensorTrain tt = TensorTrain.Random(new Generator(6), [2, 3], [1, 2, 1]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TtRounding.Round(tt, double.NaN));
        Assert.Contains("NaN", e.Message);
    }
}
