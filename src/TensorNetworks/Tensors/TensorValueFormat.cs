using System.Globalization;

namespace TensorNetworks;

/// <summary>
/// How <see cref="Tensor.ToString"/> prints its values, as PyTorch and NumPy do: one format for every value shown, each
/// right-aligned to the widest. Whole numbers print without decimals (<c>3</c>); otherwise four decimals
/// (<c>0.2500</c>) while the finite non-zero magnitudes lie in [1e-4, 1e8) within a factor of 1000 of each other, else
/// scientific notation with four decimals (<c>1.2346e+09</c>); NaN and infinities print as <c>nan</c>, <c>inf</c>,
/// <c>-inf</c>.
/// </summary>
internal static class TensorValueFormat
{
    /// <summary>The values as text, in order, padded on the left to one width.</summary>
    /// <example><code>TensorValueFormat.Format([1.5, -20, 0.125]); // [" 1.5000", "-20.0000", " 0.1250"] padded to 8</code></example>
    internal static string[] Format(IReadOnlyList<double> values)
    {
        Func<double, string> format = Choose(values);
        string[] text = [.. values.Select(v => double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : format(v))];
        int width = text.Length == 0 ? 0 : text.Max(t => t.Length);
        return [.. text.Select(t => t.PadLeft(width))];
    }

    private static Func<double, string> Choose(IReadOnlyList<double> values)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.All(v => v == Math.Floor(v) && Math.Abs(v) < 1e15))
            return v => (v == 0 ? 0.0 : v).ToString("0", CultureInfo.InvariantCulture);
        double[] magnitudes = [.. finite.Where(v => v != 0).Select(Math.Abs)];
        double max = magnitudes.Max(), min = magnitudes.Min();
        bool scientific = max >= 1e8 || min < 1e-4 || max / min > 1000;
        return scientific
            ? v => v.ToString("0.0000e+00", CultureInfo.InvariantCulture)
            : v => v.ToString("0.0000", CultureInfo.InvariantCulture);
    }
}
