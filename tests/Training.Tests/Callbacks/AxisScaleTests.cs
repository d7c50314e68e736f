using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public class AxisScaleTests
{
    [Fact]
    public void Linear_WidensToNiceTicksAndMapsTheEnds()
    {
        AxisScale axis = AxisScale.Linear(0.13, 0.87, 100, 500);
        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], axis.Ticks().Select(t => Math.Round(t, 12)));
        Assert.Equal(100, axis.Map(0), 9);
        Assert.Equal(500, axis.Map(1), 9);
        Assert.Equal(300, axis.Map(0.5), 9);
    }

    [Fact]
    public void Linear_HandlesASingleValueAndAMinimumStep()
    {
        AxisScale flat = AxisScale.Linear(2, 2, 0, 100);
        Assert.True(flat.Min < 2 && flat.Max > 2);
        Assert.Equal([1.0, 2.0, 3.0], AxisScale.Linear(1, 3, 0, 100, minTickStep: 1).Ticks());
    }

    [Fact]
    public void Log_TicksAreDecadesAndLabelsAreCompact()
    {
        AxisScale axis = AxisScale.Log(3e-5, 20, 400, 0);
        Assert.True(axis.IsLog);
        Assert.Equal(1e-5, axis.Min, 15);
        Assert.Equal(100, axis.Max, 9);
        Assert.Equal(["1e-5", "1e-4", "1e-3", "0.01", "0.1", "1", "10", "100"], axis.Ticks().Select(axis.Label));
        Assert.Equal(400, axis.Map(1e-5), 9);
        Assert.Equal(200, axis.Map(Math.Pow(10, -1.5)), 9);
    }

    [Fact]
    public void SpansDecades_OnlyForPositiveRangesWiderThanAHundredfold()
    {
        Assert.True(AxisScale.SpansDecades(1e-3, 1));
        Assert.False(AxisScale.SpansDecades(0.02, 1));
        Assert.False(AxisScale.SpansDecades(0, 1000));
        Assert.Contains("got min 0", Assert.Throws<ArgumentOutOfRangeException>(() => AxisScale.Log(0, 10, 0, 1)).Message);
    }
}
