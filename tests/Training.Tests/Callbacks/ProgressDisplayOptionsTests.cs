using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public class ProgressDisplayOptionsTests
{
    [Theory]
    [InlineData(7, 1)]
    [InlineData(20, 1)]
    [InlineData(40, 2)]
    [InlineData(300, 20)]
    [InlineData(1000, 50)]
    [InlineData(1_000_000, 50_000)]
    public void LineIntervalFor_IsTheOneTwoFiveNumberAboveAOneTwentieth(long steps, long expected) =>
        Assert.Equal(expected, new ProgressDisplayOptions().LineIntervalFor(steps));

    [Fact]
    public void LineIntervalFor_UsesTheConfiguredInterval() =>
        Assert.Equal(3, new ProgressDisplayOptions { LineEverySteps = 3 }.LineIntervalFor(1000));

    [Fact]
    public void Check_NamesTheBadValue()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressDisplayOptions { LineEverySteps = 0 }.Check()).Message);
        Assert.Contains("got 1", Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressDisplayOptions { Smoothing = 1 }.Check()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressDisplayOptions { RefreshInterval = TimeSpan.Zero }.Check());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressDisplay(new ProgressDisplayOptions { Smoothing = double.NaN }));
    }
}
