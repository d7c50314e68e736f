using System.Globalization;
using System.Text;

namespace TensorNetworks.IO;

/// <summary>
/// Parses the subset of Python literal syntax that a .npy header uses: dicts, tuples and lists (trailing
/// commas allowed), quoted strings, integers (with Python 2's <c>L</c> suffix), True, False and None.
/// Values come back as <see cref="Dictionary{TKey, TValue}"/> (string keys), <see cref="List{T}"/>,
/// <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> and null.
/// </summary>
internal sealed class PythonLiteral
{
    private readonly string _text;
    private int _at;

    private PythonLiteral(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>, which must hold exactly one literal (and whitespace).</summary>
    /// <exception cref="FormatException">When it does not; <see cref="Exception.Data"/>["index"] holds the
    /// character index of the problem.</exception>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteral(text);
        object? value = parser.Value();
        parser.SkipWhitespace();
        if (parser._at != text.Length) throw parser.Error("unexpected text after the literal");
        return value;
    }

    private object? Value()
    {
        SkipWhitespace();
        if (_at >= _text.Length) throw Error("the header ends where a value should start");
        char c = _text[_at];
        return c switch
        {
            '{' => Dict(),
            '(' => Sequence(')'),
            '[' => Sequence(']'),
            '\'' or '"' => String(),
            _ when c == '-' || char.IsAsciiDigit(c) => Integer(),
            _ => Word(),
        };
    }

    private Dictionary<string, object?> Dict()
    {
        var dict = new Dictionary<string, object?>();
        _at++;
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '}')
            {
                _at++;
                return dict;
            }
            int keyAt = _at;
            if (Value() is not string key) throw Error("a dict key must be a string", keyAt);
            SkipWhitespace();
            Expect(':');
            if (!dict.TryAdd(key, Value())) throw Error($"the key '{key}' appears twice", keyAt);
            if (!Separator('}')) return dict;
        }
    }

    private List<object?> Sequence(char close)
    {
        var items = new List<object?>();
        _at++;
        while (true)
        {
            SkipWhitespace();
            if (Peek() == close)
            {
                _at++;
                return items;
            }
            items.Add(Value());
            if (!Separator(close)) return items;
        }
    }

    /// <summary>After an item: consumes ',' (true: more may follow) or the closing bracket (false).</summary>
    private bool Separator(char close)
    {
        SkipWhitespace();
        char c = Peek();
        _at++;
        if (c == ',') return true;
        if (c == close) return false;
        throw Error($"expected ',' or '{close}'", _at - 1);
    }

    private string String()
    {
        char quote = _text[_at++];
        var value = new StringBuilder();
        while (_at < _text.Length && _text[_at] != quote)
        {
            if (_text[_at] == '\\') throw Error("escapes in strings are not supported");
            value.Append(_text[_at++]);
        }
        if (_at >= _text.Length) throw Error("a string is not closed");
        _at++;
        return value.ToString();
    }

    private long Integer()
    {
        int start = _at;
        if (_text[_at] == '-') _at++;
        while (_at < _text.Length && char.IsAsciiDigit(_text[_at])) _at++;
        if (!long.TryParse(_text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error("expected an integer that fits in 64 bits", start);
        if (_at < _text.Length && _text[_at] == 'L') _at++;
        return value;
    }

    private object? Word()
    {
        int start = _at;
        while (_at < _text.Length && char.IsAsciiLetter(_text[_at])) _at++;
        return _text[start.._at] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            _ => throw Error("expected a dict, tuple, list, string, integer, True, False or None", start),
        };
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipWhitespace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }

    private FormatException Error(string problem, int? index = null)
    {
        int at = index ?? _at;
        var error = new FormatException($"{problem} (at character {at} of the header)");
        error.Data["index"] = at;
        return error;
    }
}
