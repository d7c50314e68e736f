using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class WarmupScheduleTests
{
    [Theory]
    [InlineData(0, 0.025)]
    [InlineData(1, 0.05)]
    [InlineData(3, 0.1)]
    [InlineData(4, 0.1)]
    [InlineData(100, 0.1)]
    public void LearningRateAt_RampsLinearlyThenHoldsTheBase(long step, double expected)
    {
        Assert.Equal(expected, new WarmupSchedule(warmupSteps: 4).LearningRateAt(step, 0.1), 1e-15);
    }

    [Theory]
    [InlineData(3, 0.1)]
    [InlineData(4, 0.1)]
    [InlineData(5, 0.1)]
    [InlineData(6, 0.05)]
    [InlineData(8, 0.025)]
    public void LearningRateAt_RunsTheInnerScheduleFromItsStepZero(long step, double expected)
    {
        var schedule = new WarmupSchedule(warmupSteps: 4, then: new StepSchedule(stepSize: 2, gamma: 0.5));
        Assert.Equal(expected, schedule.LearningRateAt(step, 0.1), 1e-15);
    }

    [Fact]
    public void Constructor_RejectsANonPositiveWarmup()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(0));
        Assert.Equal("warmupSteps", e.ParamName);
        Assert.Contains("got 0.", e.Message);
    }
}
