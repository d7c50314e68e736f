using System.Text;
using System.Text.Json;

namespace TensorNetworks.IO;

/// <summary>
/// Parses and checks the JSON header of a safetensors file: a UTF-8 object that maps each tensor name to
/// <c>{"dtype", "shape", "data_offsets"}</c>, plus an optional <c>__metadata__</c> object of strings.
/// The header must be strict JSON (RFC 8259), as Python's safetensors requires: double-quoted keys and
/// strings, no comments, no trailing commas, no NaN, no key twice in one object. It is parsed once, by
/// System.Text.Json's <see cref="Utf8JsonReader"/>. Every value is checked before use; a problem becomes
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

        var entries = new List<SafeTensorsEntry>();
        var metadata = new Dictionary<string, string>();
        foreach (var (name, value, offset) in ReadProperties(header, path))
        {
            if (name == MetadataKey)
                ReadMetadata(value, metadata, path, offset);
            else
                entries.Add(ReadEntry(name, value, path, offset));
        }
        return (entries, metadata);
    }

    /// <summary>
    /// The header's top-level properties in order, each with the file offset where its value starts, read in one pass
    /// by <see cref="Utf8JsonReader"/>, which accepts only strict JSON; a key repeated at any depth is refused too.
    /// </summary>
    private static List<(string Name, JsonElement Value, long Offset)> ReadProperties(byte[] header, string path)
    {
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 });
        var properties = new List<(string Name, JsonElement Value, long Offset)>();
        var names = new HashSet<string>();
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                long offset = HeaderStart + reader.TokenStartIndex;
                JsonElement value = JsonElement.ParseValue(ref reader);
                if (!names.Add(name))
                    throw Corrupt(path, offset, $"the header is not valid JSON: the key \"{name}\" appears twice.");
                RejectRepeatedKeys(value, path, offset);
                properties.Add((name, value, offset));
            }
            // Past the closing '}' only whitespace may follow: Read() throws on anything else.
            reader.Read();
        }
        catch (JsonException e)
        {
            long offset = ByteOffset(header, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw Corrupt(path, HeaderStart + offset, $"the header is not valid JSON (safetensors headers are strict JSON: double-quoted keys and strings, no comments, no trailing commas): {e.Message}");
        }
        return properties;
    }

    /// <summary>Refuses an object inside <paramref name="value"/> that names a key twice.</summary>
    private static void RejectRepeatedKeys(JsonElement value, string path, long offset)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray()) RejectRepeatedKeys(item, path, offset);
            return;
        }
        if (value.ValueKind != JsonValueKind.Object) return;
        var seen = new HashSet<string>();
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                throw Corrupt(path, offset, $"the header is not valid JSON: the key \"{property.Name}\" appears twice in one object.");
            RejectRepeatedKeys(property.Value, path, offset);
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

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> into, string path, long offset)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Corrupt(path, offset, $"\"{MetadataKey}\" must be an object of strings, but it is {Describe(value)}.");
        foreach (JsonProperty entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw Corrupt(path, offset, $"\"{MetadataKey}\" must map strings to strings, but \"{entry.Name}\" holds {Describe(entry.Value)}.");
            into[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static SafeTensorsEntry ReadEntry(string name, JsonElement info, string path, long offset)
    {
        if (info.ValueKind != JsonValueKind.Object)
            throw Corrupt(path, offset, $"tensor \"{name}\" must be described by an object with dtype, shape and data_offsets, but it is {Describe(info)}.");
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

    private static DType ReadDType(JsonElement info, string name, string path, long offset)
    {
        if (!info.TryGetProperty("dtype", out JsonElement token) || token.ValueKind != JsonValueKind.String)
            throw Corrupt(path, offset, $"tensor \"{name}\" has no string \"dtype\".");
        string dtype = token.GetString()!;
        return dtype switch
        {
            "F32" => DType.Float32,
            "F64" => DType.Float64,
            _ when Unsupported.Contains(dtype) => throw Corrupt(path, offset, $"tensor \"{name}\" has dtype {dtype}, which tn does not support; tn reads F32 and F64, so convert the tensor before saving it."),
            _ => throw Corrupt(path, offset, $"tensor \"{name}\" has the unknown dtype \"{dtype}\"; tn reads F32 and F64."),
        };
    }

    private static int[] ReadShape(JsonElement info, string name, string path, long offset)
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
    private static long[] ReadIntegers(JsonElement info, string key, string name, string path, long offset, long max)
    {
        if (!info.TryGetProperty(key, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            throw Corrupt(path, offset, $"tensor \"{name}\" has no \"{key}\" array.");
        var values = new long[array.GetArrayLength()];
        for (int i = 0; i < values.Length; i++)
        {
            JsonElement item = array[i];
            long value = -1;
            bool ok = item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out value);
            if (!ok || value < 0 || value > max)
                throw Corrupt(path, offset, $"tensor \"{name}\" has {key} {array.GetRawText()}; element {i} must be an integer from 0 to {max}.");
            values[i] = value;
        }
        return values;
    }

    private static InvalidDataException Corrupt(string path, long offset, string problem) =>
        FileErrors.Corrupt("safetensors", path, offset, problem);

    internal static string Name(DType dtype) => dtype == DType.Float32 ? "F32" : "F64";

    private static string Describe(string text) => text.Length == 0 ? "nothing (it is empty)" : $"'{text[0]}'";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the {(value.TryGetInt64(out _) ? "integer" : "number")} {value.GetRawText()}",
        _ => $"the boolean {value.GetRawText()}",
    };

    private static string Format<T>(IEnumerable<T> values) => "[" + string.Join(", ", values) + "]";
}
