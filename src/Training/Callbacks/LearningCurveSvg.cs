using System.Globalization;
using System.Security;
using System.Text;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Draws a learning curve as hand-written SVG: a loss panel (raw step losses, a centred moving average
/// over them, epoch mean losses as dots at the middle of their epoch; log10 y-axis when the losses span more than two decades) and,
/// when there are validation metrics, a panel of them against the epoch. Elements carry classes
/// (<c>loss-raw</c>, <c>loss-smooth</c>, <c>epoch-loss</c>, <c>metric</c>, <c>axis x</c>, <c>axis y</c>)
/// so tools and tests can find them.
/// </summary>
internal static class LearningCurveSvg
{
    private const double Width = 820, PanelHeight = 280, Left = 72, Right = 150, Top = 44, Bottom = 46;
    private static readonly string[] Palette = ["#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>One named series of (x, y) points.</summary>
    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points);

    /// <summary>The SVG document for the losses by step and the metrics by epoch (1-based).</summary>
    public static string Render(string title, IReadOnlyList<(double X, double Y)> loss, IReadOnlyList<(double X, double Y)> epochLoss, IReadOnlyList<Series> metrics)
    {
        double height = PanelHeight * (metrics.Count > 0 ? 2 : 1);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{Left}\" y=\"22\" font-size=\"15\">{Escape(title)}</text>\n");

        var (x, y) = Scales(0, loss.Concat(epochLoss).ToList());
        Axes(svg, x, y, "step", y.IsLog ? "loss (log scale)" : "loss");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"loss-raw\" fill=\"none\" stroke=\"#9ecae1\" stroke-width=\"1\" d=\"{PathData(loss, x, y)}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"loss-smooth\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" d=\"{PathData(Smooth(loss, y), x, y)}\"/>\n");
        Dots(svg, "epoch-loss", "#08519c", epochLoss, x, y);
        Legend(svg, 0, [("loss", "#9ecae1"), ("smoothed", "#08519c"), ("epoch mean", "#08519c")]);

        if (metrics.Count > 0)
        {
            var (mx, my) = Scales(1, metrics.SelectMany(m => m.Points).ToList());
            Axes(svg, mx, my, "epoch", my.IsLog ? "validation (log scale)" : "validation");
            var legend = new List<(string, string)>();
            for (int i = 0; i < metrics.Count; i++)
            {
                string color = Palette[i % Palette.Length];
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"metric\" data-metric=\"{Escape(metrics[i].Name)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" d=\"{PathData(metrics[i].Points, mx, my)}\"/>\n");
                Dots(svg, "metric-points", color, metrics[i].Points, mx, my);
                legend.Add((metrics[i].Name, color));
            }
            Legend(svg, 1, legend);
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The x and y scales of panel <paramref name="panel"/> (0 = top) fitted to <paramref name="points"/>.</summary>
    private static (AxisScale X, AxisScale Y) Scales(int panel, List<(double X, double Y)> points)
    {
        double top = panel * PanelHeight + Top, bottom = (panel + 1) * PanelHeight - Bottom;
        double xMin = points.Count > 0 ? points.Min(p => p.X) : 0, xMax = points.Count > 0 ? points.Max(p => p.X) : 1;
        double yMin = points.Count > 0 ? points.Min(p => p.Y) : 0, yMax = points.Count > 0 ? points.Max(p => p.Y) : 1;
        AxisScale x = AxisScale.Linear(xMin, xMax, Left, Width - Right, minTickStep: panel == 0 ? 0 : 1);
        AxisScale y = AxisScale.SpansDecades(yMin, yMax) ? AxisScale.Log(yMin, yMax, bottom, top) : AxisScale.Linear(yMin, yMax, bottom, top);
        return (x, y);
    }

    private static void Axes(StringBuilder svg, AxisScale x, AxisScale y, string xTitle, string yTitle)
    {
        double left = x.Map(x.Min), right = x.Map(x.Max), bottom = y.Map(y.Min), top = y.Map(y.Max);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis x\" stroke=\"#444\">\n<line x1=\"{F(left)}\" y1=\"{F(bottom)}\" x2=\"{F(right)}\" y2=\"{F(bottom)}\"/>\n");
        foreach (double t in x.Ticks())
        {
            double px = x.Map(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(px)}\" y1=\"{F(top)}\" x2=\"{F(px)}\" y2=\"{F(bottom)}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(px)}\" y1=\"{F(bottom)}\" x2=\"{F(px)}\" y2=\"{F(bottom + 5)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(px)}\" y=\"{F(bottom + 18)}\" text-anchor=\"middle\" stroke=\"none\">{x.Label(t)}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F((left + right) / 2)}\" y=\"{F(bottom + 36)}\" text-anchor=\"middle\" stroke=\"none\">{Escape(xTitle)}</text>\n</g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis y\" stroke=\"#444\">\n<line x1=\"{F(left)}\" y1=\"{F(bottom)}\" x2=\"{F(left)}\" y2=\"{F(top)}\"/>\n");
        foreach (double t in y.Ticks())
        {
            double py = y.Map(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(left)}\" y1=\"{F(py)}\" x2=\"{F(right)}\" y2=\"{F(py)}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left - 5)}\" y1=\"{F(py)}\" x2=\"{F(left)}\" y2=\"{F(py)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(left - 8)}\" y=\"{F(py + 4)}\" text-anchor=\"end\" stroke=\"none\">{y.Label(t)}</text>\n");
        }
        double middle = (top + bottom) / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"18\" y=\"{F(middle)}\" transform=\"rotate(-90 18 {F(middle)})\" text-anchor=\"middle\" stroke=\"none\">{Escape(yTitle)}</text>\n</g>\n");
    }

    private static void Dots(StringBuilder svg, string cssClass, string color, IReadOnlyList<(double X, double Y)> points, AxisScale x, AxisScale y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{cssClass}\" fill=\"{color}\">");
        foreach (var (px, py) in points)
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x.Map(px))}\" cy=\"{F(y.Map(py))}\" r=\"3\"/>");
        svg.Append("</g>\n");
    }

    private static void Legend(StringBuilder svg, int panel, IReadOnlyList<(string Name, string Color)> entries)
    {
        double x = Width - Right + 14, y = panel * PanelHeight + Top + 8;
        svg.Append("<g class=\"legend\">");
        foreach (var (name, color) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y - 8)}\" width=\"14\" height=\"4\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 20)}\" y=\"{F(y - 2)}\">{Escape(name)}</text>");
            y += 18;
        }
        svg.Append("</g>\n");
    }

    /// <summary>A centred moving average in the y-axis's own units (log10 on a log axis) over a window of
    /// 2h + 1 points, h = max(1, n/50), shortened at the ends.</summary>
    internal static IReadOnlyList<(double X, double Y)> Smooth(IReadOnlyList<(double X, double Y)> points, AxisScale y)
    {
        int n = points.Count, h = Math.Max(1, n / 50);
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + y.ToAxisUnits(points[i].Y);
        var smooth = new (double X, double Y)[n];
        for (int i = 0; i < n; i++)
        {
            int from = Math.Max(0, i - h), to = Math.Min(n, i + h + 1);
            smooth[i] = (points[i].X, y.FromAxisUnits((prefix[to] - prefix[from]) / (to - from)));
        }
        return smooth;
    }

    private static string PathData(IReadOnlyList<(double X, double Y)> points, AxisScale x, AxisScale y)
    {
        var d = new StringBuilder();
        for (int i = 0; i < points.Count; i++)
            d.Append(i == 0 ? "M" : " L").Append(F(x.Map(points[i].X))).Append(',').Append(F(y.Map(points[i].Y)));
        return d.ToString();
    }

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
