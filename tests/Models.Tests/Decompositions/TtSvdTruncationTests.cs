using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtSvdTruncationTests
{
    [Theory]
    [InlineData(0.0, 3)]
    [InlineData(0.999, 3)]
    [InlineData(1.0, 2)]
    [InlineData(2.2, 2)]
    [InlineData(2.25, 1)]
    [InlineData(100.0, 1)]
    public void Rank_DropsTheTailWhileItsNormIsWithinDelta(double delta, int expected)
    {
        // tails: s_3 = 1 has norm 1; s_2, s_3 have norm sqrt(5) ≈ 2.236
        Assert.Equal(expected, TtSvdTruncation.Rank([3, 2, 1], delta, int.MaxValue).Rank);
    }

    [Fact]
    public void Rank_AppliesTheCapAndCountsWhatItDiscards()
    {
        var (rank, discarded) = TtSvdTruncation.Rank([3, 2, 1], 0, 1);
        Assert.Equal(1, rank);
        Assert.Equal(5, discarded, 12);
    }

    [Fact]
    public void Rank_KeepsOneValueOfAZeroMatrix()
    {
        Assert.Equal(1, TtSvdTruncation.Rank([0, 0, 0], 0, int.MaxValue).Rank);
    }

    [Fact]
    public void Rank_DropsValuesAtOrBelowTheNoiseFloorWhateverDelta()
    {
        var (rank, discarded) = TtSvdTruncation.Rank([3, 2, 1e-15, 1e-16], 0, int.MaxValue, noiseFloor: 1e-14);
        Assert.Equal(2, rank);
        Assert.Equal(1.01, discarded / 1e-30, 12);
        Assert.Equal(3, TtSvdTruncation.Rank([3, 2, 1e-13], 0, int.MaxValue, noiseFloor: 1e-14).Rank);
        Assert.Equal(1, TtSvdTruncation.Rank([3, 2, 1e-15], 2.5, int.MaxValue, noiseFloor: 1e-14).Rank);
    }

    [Fact]
    public void NoiseFloor_IsNumPysMatrixRankTolerance()
    {
        Assert.Equal(80 * Math.Pow(2, -52) * 3, TtSvdTruncation.NoiseFloor(3, 80, 40, DType.Float64));
        Assert.Equal(40 * Math.Pow(2, -23), TtSvdTruncation.NoiseFloor(1, 20, 40, DType.Float32));
    }

    [Fact]
    public void Caps_ClampToTheUnfoldingRanks()
    {
        Assert.Equal([1, 3, 5, 1], TtSvdTruncation.Caps("test", 0, null, [3, 4, 5]));
        Assert.Equal([1, 2, 5, 1], TtSvdTruncation.Caps("test", 0, [1, 2, 9, 1], [3, 4, 5]));
    }

    [Fact]
    public void GramRankIsReliable_RefusesAKeptValueBelowTheThreshold()
    {
        Assert.False(TtSvdTruncation.GramRankIsReliable([1, 1e-8], 2, 0, 1e-6));
        Assert.True(TtSvdTruncation.GramRankIsReliable([1, 1e-8], 1, 1, 1e-6));
        Assert.True(TtSvdTruncation.GramRankIsReliable([1, 0.5, 0.1], 3, 0, 1e-6));
    }

    [Fact]
    public void GramRankIsReliable_NeedsDeltaAboveTheNoiseWhenItDiscards()
    {
        // δ = 1e-8 drops the 1e-9 value but is below sqrt(3)·τ·σ₀: the Gram's noise could have decided it.
        Assert.False(TtSvdTruncation.GramRankIsReliable([1, 0.5, 1e-9], 2, 1e-8, 1e-6));
        Assert.True(TtSvdTruncation.GramRankIsReliable([1, 0.5, 1e-9], 2, 1e-3, 1e-6));
        Assert.True(TtSvdTruncation.GramRankIsReliable([1, 0.5], 2, 0, 1e-6));
        Assert.False(TtSvdTruncation.GramRankIsReliable([1, 0.5, 0], 2, 0, 1e-6));
    }

    [Fact]
    public void GramRankIsReliable_AcceptsAZeroMatrix()
    {
        Assert.True(TtSvdTruncation.GramRankIsReliable([0, 0, 0], 1, 0, 1e-6));
    }
}
