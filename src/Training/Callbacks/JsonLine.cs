using System.Globalization;
using System.Text;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Builds one compact JSON object as text: <c>{"event":"step","step":3,"loss":0.25}</c>. Strings keep every UTF-16 code
/// unit: quotes, backslashes and control characters are escaped (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\u0001</c>), other
/// text is written as it is, and a lone surrogate, which UTF-8 cannot encode, is written as its <c>\uXXXX</c> escape
/// (<c>"a\ud800b"</c>, as Python's <c>json</c> writes it) rather than replaced by U+FFFD. Doubles are written in the
/// shortest form that reads back exactly, with <c>.0</c> when whole, so Python's <c>json</c> reads them as floats.
/// </summary>
/// <example><code>
/// var line = new JsonLine("step");
/// line.Integer("step", 3);
/// line.Number("loss", 0.25);
/// string text = line.ToString(); // {"event":"step","step":3,"loss":0.25}
/// </code></example>
internal sealed class JsonLine
{
    private readonly StringBuilder _text = new("{");

    /// <summary>Starts an object whose first field is <c>"event": kind</c>.</summary>
    public JsonLine(string kind) => Text("event", kind);

    /// <summary>An integer field.</summary>
    public void Integer(string name, long value) => Field(name).Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A null field.</summary>
    public void Null(string name) => Field(name).Append("null");

    /// <summary>A finite double in the shortest round-trip form, with <c>.0</c> when it has neither a point nor an
    /// exponent (<c>2.0</c>, <c>0.1</c>, <c>1E-05</c>).</summary>
    public void Number(string name, double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        Field(name).Append(text).Append(text.AsSpan().IndexOfAny('.', 'E') < 0 ? ".0" : "");
    }

    /// <summary>A string field, escaped as the class describes.</summary>
    public void Text(string name, string? value)
    {
        if (value is null) Null(name);
        else Quoted(Field(name), value);
    }

    /// <summary>The object, closed.</summary>
    public override string ToString() => _text.ToString() + "}";

    private StringBuilder Field(string name)
    {
        if (_text.Length > 1) _text.Append(',');
        return Quoted(_text, name).Append(':');
    }

    private static StringBuilder Quoted(StringBuilder text, string value)
    {
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"');
    }

    /// <summary>Whether <c>value[i]</c> is a surrogate that is not half of a high-low pair.</summary>
    private static bool IsLoneSurrogate(string value, int i)
    {
        char c = value[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(value[i - 1]);
        return false;
    }
}
