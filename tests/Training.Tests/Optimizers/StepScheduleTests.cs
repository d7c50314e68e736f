using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class StepScheduleTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.05)]
    [InlineData(6, 0.025)]
    [InlineData(31, 0.1 / 1024)]
    public void LearningRateAt_MultipliesByGammaEveryStepSizeSteps(long step, double expected)
    {
        Assert.Equal(expected, new StepSchedule(stepSize: 3, gamma: 0.5).LearningRateAt(step, 0.1), 1e-15);
    }

    [Theory]
    [InlineData(0, 0.5, "stepSize", "0")]
    [InlineData(3, 0.0, "gamma", "0")]
    [InlineData(3, double.NaN, "gamma", "NaN")]
    public void Constructor_RejectsBadArguments(int stepSize, double gamma, string name, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(stepSize, gamma));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"got {value}.", e.Message);
    }

    [Fact]
    public void LearningRateAt_RejectsANegativeStep()
    {
        Assert.Contains("got -1", Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(1, 0.5).LearningRateAt(-1, 0.1)).Message);
    }
}
