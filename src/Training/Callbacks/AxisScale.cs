using System.Globalization;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Maps data values to pixels along one axis, linearly or by log10, and chooses its ticks: 1-2-5
/// multiples of a power of ten (about five) on a linear axis, the powers of ten on a log axis. The data
/// range is widened to whole ticks so the ends are labelled.
/// </summary>
internal sealed class AxisScale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _pixelLow;
    private readonly double _pixelHigh;

    private AxisScale(bool log, double low, double high, double tickStep, double pixelLow, double pixelHigh)
    {
        IsLog = log;
        _low = low;
        _high = high;
        TickStep = tickStep;
        _pixelLow = pixelLow;
        _pixelHigh = pixelHigh;
    }

    /// <summary>True for a log10 axis.</summary>
    public bool IsLog { get; }

    /// <summary>Distance between ticks: in data units on a linear axis, in decades on a log axis.</summary>
    public double TickStep { get; }

    /// <summary>The smallest value on the axis (after widening to whole ticks).</summary>
    public double Min => IsLog ? Math.Pow(10, _low) : _low;

    /// <summary>The largest value on the axis (after widening to whole ticks).</summary>
    public double Max => IsLog ? Math.Pow(10, _high) : _high;

    /// <summary>True when the values should be drawn on a log axis: all positive and max/min &gt; 100.</summary>
    public static bool SpansDecades(double min, double max) => min > 0 && max / min > 100;

    /// <summary>A linear axis over [<paramref name="min"/>, <paramref name="max"/>] drawn from
    /// <paramref name="pixelLow"/> (at the low end) to <paramref name="pixelHigh"/>, with ticks at least
    /// <paramref name="minTickStep"/> apart (1 for a count such as the epoch).</summary>
    public static AxisScale Linear(double min, double max, double pixelLow, double pixelHigh, double minTickStep = 0)
    {
        if (!(max > min))
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }
        double step = Math.Max(NiceStep((max - min) / 5), minTickStep);
        return new AxisScale(false, Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step, pixelLow, pixelHigh);
    }

    /// <summary>A log10 axis over [<paramref name="min"/>, <paramref name="max"/>] (both positive),
    /// widened to whole decades.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="min"/> is not positive.</exception>
    public static AxisScale Log(double min, double max, double pixelLow, double pixelHigh)
    {
        if (!(min > 0))
            throw new ArgumentOutOfRangeException(nameof(min), min, $"AxisScale: a log axis needs positive values, got min {min}; use a linear axis.");
        double low = Math.Floor(Math.Log10(min));
        double high = Math.Max(Math.Ceiling(Math.Log10(max)), low + 1);
        double step = Math.Max(1, Math.Ceiling((high - low) / 8));
        return new AxisScale(true, low, high, step, pixelLow, pixelHigh);
    }

    /// <summary>The pixel coordinate of <paramref name="value"/>.</summary>
    public double Map(double value)
    {
        double v = IsLog ? Math.Log10(value) : value;
        return _pixelLow + (v - _low) / (_high - _low) * (_pixelHigh - _pixelLow);
    }

    /// <summary>The value in the axis's own units (log10 of it on a log axis), where smoothing averages.</summary>
    public double ToAxisUnits(double value) => IsLog ? Math.Log10(value) : value;

    /// <summary>The inverse of <see cref="ToAxisUnits"/>.</summary>
    public double FromAxisUnits(double units) => IsLog ? Math.Pow(10, units) : units;

    /// <summary>The tick values from the low end to the high end.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        int count = (int)Math.Round((_high - _low) / TickStep);
        for (int i = 0; i <= count; i++)
        {
            double t = _low + i * TickStep;
            ticks.Add(IsLog ? Math.Pow(10, t) : Math.Round(t / TickStep) * TickStep);
        }
        return ticks;
    }

    /// <summary>A tick's label: "1e-3" style on a log axis, shortest round-trip text otherwise.</summary>
    public string Label(double tick)
    {
        if (IsLog)
        {
            int exponent = (int)Math.Round(Math.Log10(tick));
            return exponent is >= -2 and <= 3 ? tick.ToString("G4", CultureInfo.InvariantCulture) : $"1e{exponent}";
        }
        return tick.ToString("G6", CultureInfo.InvariantCulture);
    }

    /// <summary>The 1-2-5 multiple of a power of ten nearest above <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        double decade = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in (ReadOnlySpan<double>)[1, 2, 5, 10])
            if (m * decade >= raw * (1 - 1e-9)) return m * decade;
        return 10 * decade;
    }
}
