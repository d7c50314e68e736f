using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class CosineScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(25, 0.01 + 0.5 * 0.99 * 1.7071067811865475)]
    [InlineData(50, 0.505)]
    [InlineData(75, 0.01 + 0.5 * 0.99 * 0.2928932188134524)]
    [InlineData(100, 0.01)]
    [InlineData(1000, 0.01)]
    public void LearningRateAt_AnnealsFromTheBaseToTheMinimum(long step, double expected)
    {
        Assert.Equal(expected, new CosineSchedule(totalSteps: 100, minLearningRate: 0.01).LearningRateAt(step, 1.0), 1e-14);
    }

    [Fact]
    public void LearningRateAt_DecreasesMonotonically()
    {
        var schedule = new CosineSchedule(totalSteps: 50);
        double[] rates = [.. Enumerable.Range(0, 51).Select(t => schedule.LearningRateAt(t, 0.1))];
        Assert.All(rates.Zip(rates.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.Equal(0, rates[^1]);
    }

    [Theory]
    [InlineData(0, 0.0, "totalSteps", "0")]
    [InlineData(10, -0.1, "minLearningRate", "-0.1")]
    [InlineData(10, double.PositiveInfinity, "minLearningRate", "Infinity")]
    public void Constructor_RejectsBadArguments(long totalSteps, double minLearningRate, string name, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(totalSteps, minLearningRate));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"got {value}.", e.Message);
    }
}
