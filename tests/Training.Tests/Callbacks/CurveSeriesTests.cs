using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public class CurveSeriesTests
{
    [Fact]
    public void Add_KeepsEveryPointBelowCapacity()
    {
        var series = new CurveSeries(10);
        for (int i = 0; i < 9; i++) series.Add(i, 2 * i);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => ((double)i, 2.0 * i)), series.Points());
        Assert.Equal(1, series.Stride);
    }

    [Fact]
    public void Add_MergesNeighboursWhenFull_PreservingTheMeanAndOrder()
    {
        var series = new CurveSeries(64);
        var gen = new Random(11);
        double sum = 0;
        const int n = 4096;
        for (int i = 0; i < n; i++)
        {
            double y = gen.NextDouble();
            sum += y;
            series.Add(i, y);
        }

        var points = series.Points();
        Assert.InRange(points.Count, 32, 64);
        Assert.Equal(n, series.Added);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.InRange(points[0].X, 0, 64);
        Assert.InRange(points[^1].X, n - 128, n - 1);
        Assert.Equal(sum / n, points.Average(p => p.Y), 2);
    }

    [Fact]
    public void Add_SkipsNonFiniteValues()
    {
        var series = new CurveSeries(8);
        series.Add(0, 1);
        series.Add(1, double.NaN);
        series.Add(2, double.PositiveInfinity);
        series.Add(3, 4);
        Assert.Equal([(0.0, 1.0), (3.0, 4.0)], series.Points());
    }
}
