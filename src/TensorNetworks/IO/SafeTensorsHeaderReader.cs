using System.Numerics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TensorNetworks.IO;

/// <summary>
/// Parses and checks the JSON header of a safetensors file: a UTF-8 object that maps each tensor name to
/// <c>{"dtype", "shape", "data_offsets"}</c>, plus an optional <c>__metadata__</c> object of strings.
/// The header must be strict JSON (RFC 8259), as Python's safetensors requires: double-quoted keys and
/// strings, no comments, no trailing commas, no NaN. Every value is checked before use; a problem becomes
/// an <see cref="InvalidDataException"/> that names the file and the byte where the offending entry sits.
/// </summary>
internal static class SafeTensorsHeaderReader
{
    /// <summary>The header key of the string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>Where the header starts in the file: right after the 8-byte length.</summary>
    public const long HeaderStart = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Dtypes that safetensors defines but a tn tensor cannot hold.</summary>
    private static readonly HashSet<string> Unsupported =
        ["BOOL", "U8", "I8", "I16", "U16", "I32", "U32", "I64", "U64", "F16", "BF16", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F6_E2M3", "F6_E3M2", "F4", "C64"];

    /// <summary>The entries in header order and the metadata of <paramref name="header"/>.</summary>
    /// <exception cref="InvalidDataException">When the header is not valid UTF-8 JSON of the expected form.</exception>
    public static (List<SafeTensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(byte[] header, string path)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(header);
        }
        catch (DecoderFallbackException e)
        {
            throw Corrupt(path, HeaderStart + Math.Max(e.Index, 0), "the header is not valid UTF-8.");
        }
        if (text.Length == 0 || text[0] != '{')
            throw Corrupt(path, HeaderStart, $"the header must be a JSON object starting with '{{', but it starts with {Describe(text)}.");

        CheckStrictJson(header, path);
        JObject root = ParseJson(text, path);
        var entries = new List<SafeTensorsEntry>();
        var metadata = new Dictionary<string, string>();
        foreach (JProperty property in root.Properties())
        {
            long offset = HeaderStart + ByteOffset(text, property);
            if (property.Name == MetadataKey)
                ReadMetadata(property.Value, metadata, path, offset);
            else
                entries.Add(ReadEntry(property, path, offset));
        }
        return (entries, metadata);
    }

    /// <summary>Reads the whole header with <see cref="Utf8JsonReader"/>, which accepts only strict JSON
    /// (the Newtonsoft reader that builds the tree accepts single quotes, unquoted keys and trailing commas).</summary>
    private static void CheckStrictJson(byte[] header, string path)
    {
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            long offset = ByteOffset(header, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw Corrupt(path, HeaderStart + offset, $"the header is not valid JSON (safetensors headers are strict JSON: double-quoted keys and strings, no comments, no trailing commas): {e.Message}");
        }
    }

    /// <summary>The byte offset of a 0-based line and byte position within it.</summary>
    private static long ByteOffset(byte[] header, long lineNumber, long bytePositionInLine)
    {
        long start = 0;
        for (long line = 0; line < lineNumber; line++)
        {
            int newline = Array.IndexOf(header, (byte)'\n', (int)start);
            if (newline < 0) break;
            start = newline + 1;
        }
        return Math.Min(start + bytePositionInLine, header.Length);
    }

    private static JObject ParseJson(string text, string path)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 64,
        };
        var settings = new JsonLoadSettings
        {
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            LineInfoHandling = LineInfoHandling.Load,
            CommentHandling = CommentHandling.Ignore,
        };
        try
        {
            JObject root = JObject.Load(reader, settings);
            if (reader.Read())
                throw Corrupt(path, HeaderStart + ByteOffset(text, reader.LineNumber, reader.LinePosition), "there is more content after the header's closing '}'.");
            return root;
        }
        catch (JsonReaderException e)
        {
            throw Corrupt(path, HeaderStart + ByteOffset(text, e.LineNumber, e.LinePosition), $"the header is not valid JSON: {e.Message}");
        }
    }

    private static void ReadMetadata(JToken value, Dictionary<string, string> into, string path, long offset)
    {
        if (value is not JObject map)
            throw Corrupt(path, offset, $"\"{MetadataKey}\" must be an object of strings, but it is {Describe(value)}.");
        foreach (JProperty entry in map.Properties())
        {
            if (entry.Value.Type != JTokenType.String)
                throw Corrupt(path, offset, $"\"{MetadataKey}\" must map strings to strings, but \"{entry.Name}\" holds {Describe(entry.Value)}.");
            into[entry.Name] = (string)entry.Value!;
        }
    }

    private static SafeTensorsEntry ReadEntry(JProperty property, string path, long offset)
    {
        string name = property.Name;
        if (property.Value is not JObject info)
            throw Corrupt(path, offset, $"tensor \"{name}\" must be described by an object with dtype, shape and data_offsets, but it is {Describe(property.Value)}.");
        DType dtype = ReadDType(info, name, path, offset);
        int[] dims = ReadShape(info, name, path, offset);
        long[] offsets = ReadIntegers(info, "data_offsets", name, path, offset, long.MaxValue);
        if (offsets.Length != 2)
            throw Corrupt(path, offset, $"tensor \"{name}\" has data_offsets {Format(offsets)}; it must be [begin, end].");
        (long begin, long end) = (offsets[0], offsets[1]);
        if (end < begin)
            throw Corrupt(path, offset, $"tensor \"{name}\" has data_offsets [{begin}, {end}], which end before they begin.");
        long bytes = (long)Shape.ElementCountOf(dims) * dtype.ElementSize();
        if (end - begin != bytes)
            throw Corrupt(path, offset, $"tensor \"{name}\" of dtype {Name(dtype)} and shape {Format(dims)} needs {bytes} bytes, but its data_offsets [{begin}, {end}] span {end - begin}.");
        return new SafeTensorsEntry(name, dtype, dims, begin, end, offset);
    }

    private static DType ReadDType(JObject info, string name, string path, long offset)
    {
        if (info["dtype"] is not { Type: JTokenType.String } token)
            throw Corrupt(path, offset, $"tensor \"{name}\" has no string \"dtype\".");
        string dtype = (string)token!;
        return dtype switch
        {
            "F32" => DType.Float32,
            "F64" => DType.Float64,
            _ when Unsupported.Contains(dtype) => throw Corrupt(path, offset, $"tensor \"{name}\" has dtype {dtype}, which tn does not support; tn reads F32 and F64, so convert the tensor before saving it."),
            _ => throw Corrupt(path, offset, $"tensor \"{name}\" has the unknown dtype \"{dtype}\"; tn reads F32 and F64."),
        };
    }

    private static int[] ReadShape(JObject info, string name, string path, long offset)
    {
        long[] extents = ReadIntegers(info, "shape", name, path, offset, int.MaxValue);
        var dims = new int[extents.Length];
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = (int)extents[i];
            count *= dims[i];
            if (count > Array.MaxLength)
                throw Corrupt(path, offset, $"tensor \"{name}\" has shape {Format(extents)}, more than the {Array.MaxLength} elements a tensor can hold.");
        }
        return dims;
    }

    /// <summary>The array <paramref name="key"/> of <paramref name="info"/>, each element an integer in [0, max].</summary>
    private static long[] ReadIntegers(JObject info, string key, string name, string path, long offset, long max)
    {
        if (info[key] is not JArray array)
            throw Corrupt(path, offset, $"tensor \"{name}\" has no \"{key}\" array.");
        var values = new long[array.Count];
        for (int i = 0; i < values.Length; i++)
        {
            JToken item = array[i];
            bool ok = item.Type == JTokenType.Integer && ((JValue)item).Value is not BigInteger;
            long value = ok ? (long)item : -1;
            if (!ok || value < 0 || value > max)
                throw Corrupt(path, offset, $"tensor \"{name}\" has {key} {array.ToString(Formatting.None)}; element {i} must be an integer from 0 to {max}.");
            values[i] = value;
        }
        return values;
    }

    /// <summary>The UTF-8 byte offset within <paramref name="text"/> of a token's line information (for a
    /// property: where its value starts).</summary>
    private static long ByteOffset(string text, IJsonLineInfo token) =>
        token.HasLineInfo() ? ByteOffset(text, token.LineNumber, token.LinePosition) : 0;

    private static long ByteOffset(string text, int lineNumber, int linePosition)
    {
        int index = 0;
        for (int line = 1; line < lineNumber && index < text.Length; line++)
        {
            int newline = text.IndexOf('\n', index);
            if (newline < 0) break;
            index = newline + 1;
        }
        index = Math.Clamp(index + linePosition, 0, text.Length);
        return Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
    }

    private static InvalidDataException Corrupt(string path, long offset, string problem) =>
        FileErrors.Corrupt("safetensors", path, offset, problem);

    internal static string Name(DType dtype) => dtype == DType.Float32 ? "F32" : "F64";

    private static string Describe(string text) => text.Length == 0 ? "nothing (it is empty)" : $"'{text[0]}'";

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null => "null",
        _ => $"the {token.Type.ToString().ToLowerInvariant()} {token.ToString(Formatting.None)}",
    };

    private static string Format<T>(IEnumerable<T> values) => "[" + string.Join(", ", values) + "]";
}
