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
