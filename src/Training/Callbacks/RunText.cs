using System.Globalization;

namespace TensorNetworks.Training.Callbacks;

/// <summary>How callbacks print numbers and durations: invariant culture, four significant digits,
/// non-finite values spelled out.</summary>
internal static class RunText
{
    /// <summary>A value with four significant digits ("0.01235", "1.2e+04"); "NaN", "inf", "-inf" when not finite.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>A rate rounded to a whole number with thousands separators ("66,510"); four significant digits below 100.</summary>
    public static string Rate(double value) =>
        double.IsFinite(value) && Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : Number(value);

    /// <summary>A duration as m:ss below an hour and h:mm:ss above; "?" when unknown.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d || d < TimeSpan.Zero || d.TotalDays > 365) return "?";
        return d.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}:{d.Minutes:00}:{d.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}:{d.Seconds:00}");
    }

    /// <summary>A metric's short display name: <c>learning_rate</c> → <c>lr</c>, <c>grad_norm</c> →
    /// <c>|g|</c>; any other name unchanged.</summary>
    public static string ShortName(string metric) => metric switch
    {
        "learning_rate" => "lr",
        "grad_norm" => "|g|",
        _ => metric,
    };

    /// <summary>Metrics as "name value" pairs separated by two spaces, in name order.</summary>
    public static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        string.Join("  ", metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{ShortName(m.Key)} {Number(m.Value)}"));
}
