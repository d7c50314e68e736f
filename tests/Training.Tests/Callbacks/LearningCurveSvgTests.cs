using System.Xml.Linq;
using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public class LearningCurveSvgTests
{
    [Fact]
    public void Smooth_AveragesNeighboursInTheAxisUnits()
    {
        var points = new List<(double X, double Y)> { (0, 1), (1, 100), (2, 1), (3, 100) };
        var linear = LearningCurveSvg.Smooth(points, AxisScale.Linear(1, 100, 0, 1));
        var log = LearningCurveSvg.Smooth(points, AxisScale.Log(1, 100, 0, 1));
        Assert.Equal([50.5, 34, 67, 50.5], linear.Select(p => Math.Round(p.Y, 9)));
        Assert.Equal(10, log[0].Y, 9);
        Assert.Equal(Math.Pow(10, 2.0 / 3), log[1].Y, 9);
        Assert.Equal([0.0, 1, 2, 3], log.Select(p => p.X));
    }

    [Fact]
    public void Render_EscapesNamesAndCopesWithNoPoints()
    {
        string svg = LearningCurveSvg.Render("a <b> & c", [], [], [new LearningCurveSvg.Series("acc<top1>", [(1, 0.5)])]);
        XDocument doc = XDocument.Parse(svg);
        Assert.Contains(doc.Descendants(), e => e.Value == "a <b> & c");
        Assert.Contains(doc.Descendants(), e => (string?)e.Attribute("data-metric") == "acc<top1>");
    }
}
