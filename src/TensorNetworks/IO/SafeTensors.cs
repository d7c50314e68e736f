using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TensorNetworks.IO;

/// <summary>
/// Reads and writes the safetensors format, which Python's <c>safetensors</c> package reads and writes:
/// an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON
/// <c>{"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ..., "__metadata__": {"k": "v"}}</c>,
/// then the raw little-endian row-major data of every tensor, back to back. Offsets are relative to the
/// first byte after the header.
/// </summary>
/// <remarks>
/// <see cref="Save"/> pads the header with spaces to a multiple of 8 bytes, lays out the Float64 tensors
/// before the Float32 ones (each group ordered by name, as Python's writer does) so every tensor is aligned
/// to its element size, and writes atomically: the file is either the old one or the complete new one. The header
/// is compact JSON whose text is UTF-8 as it is, except that quotes, backslashes and control characters, and
/// characters outside the Basic Multilingual Plane, unassigned or for private use, are escaped (<c>\uXXXX</c>);
/// every JSON reader, Python's included, reads the same names back.
/// <see cref="Load"/> trusts nothing in the file; see its exceptions.
/// </remarks>
/// <example><code>
/// SafeTensors.Save("weights.safetensors",
///     new Dictionary&lt;string, Tensor&gt; { ["w"] = TN.Randn(gen, 3, 4), ["b"] = TN.Zeros(4) },
///     new Dictionary&lt;string, string&gt; { ["format"] = "pt" });
/// Tensor w = SafeTensors.Load("weights.safetensors").Tensors["w"];
/// </code></example>
public static partial class SafeTensors
{
    /// <summary>
    /// Writes <paramref name="tensors"/> and <paramref name="metadata"/> to <paramref name="path"/> as one
    /// safetensors file. The file is written to a temporary file in the same directory and renamed over
    /// <paramref name="path"/>, so a failure leaves an existing file untouched and no partial file behind.
    /// </summary>
    /// <param name="path">The file to write; its directory must exist.</param>
    /// <param name="tensors">The tensors by name; names must be non-empty and not <c>__metadata__</c>.</param>
    /// <param name="metadata">Strings stored in the header's <c>__metadata__</c> object, or null for none.</param>
    /// <exception cref="ArgumentException">When the path or a name is empty, a name is <c>__metadata__</c>, a tensor or
    /// metadata value is null, or a name, metadata key or value holds a lone UTF-16 surrogate (UTF-8 cannot encode it, so
    /// it would not load back as it was).</exception>
    /// <exception cref="DirectoryNotFoundException">When the directory of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    /// <example><code>
    /// SafeTensors.Save("w.safetensors", new Dictionary&lt;string, Tensor&gt; { ["w"] = TN.Ones(2, 2) });
    /// </code></example>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        CheckNames(tensors, metadata);

        var ordered = tensors
            .OrderByDescending(t => t.Value.DType.ElementSize())
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToArray();
        var layout = new List<SafeTensorsEntry>(ordered.Length);
        long position = 0;
        foreach (var (name, tensor) in ordered)
        {
            long bytes = (long)tensor.ElementCount * tensor.DType.ElementSize();
            layout.Add(new SafeTensorsEntry(name, tensor.DType, tensor.Shape.ToArray(), position, position + bytes, 0));
            position += bytes;
        }
        byte[] header = Header(layout, metadata);

        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var (_, tensor) in ordered) LittleEndian.Write(stream, tensor);
        });
    }

    private static void CheckNames(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        int index = 0;
        foreach (var (name, tensor) in tensors)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("SafeTensors.Save: a tensor name is empty; give every tensor a non-empty name.", nameof(tensors));
            if (name == SafeTensorsHeaderReader.MetadataKey)
                throw new ArgumentException($"SafeTensors.Save: \"{name}\" is reserved for the metadata; rename that tensor.", nameof(tensors));
            if (tensor is null)
                throw new ArgumentException($"SafeTensors.Save: the tensor \"{name}\" is null.", nameof(tensors));
            CheckEncodable(name, $"the name of tensor {index} (in the dictionary's order)", nameof(tensors));
            index++;
        }
        if (metadata is null) return;
        foreach (var (key, value) in metadata)
        {
            if (value is null)
                throw new ArgumentException($"SafeTensors.Save: the metadata value of \"{key}\" is null; metadata values must be strings.", nameof(metadata));
            CheckEncodable(key, "a metadata key", nameof(metadata));
            CheckEncodable(value, $"the metadata value of \"{Printable(key)}\"", nameof(metadata));
        }
    }

    /// <summary>
    /// Refuses <paramref name="text"/> when it holds a UTF-16 surrogate that is not half of a pair: UTF-8 has no encoding
    /// for it, so the header would hold U+FFFD in its place and <see cref="Load"/> would return other text.
    /// </summary>
    private static void CheckEncodable(string text, string what, string parameter)
    {
        int at = LoneSurrogate(text);
        if (at >= 0)
            throw new ArgumentException(
                $"SafeTensors.Save: {what}, \"{Printable(text)}\", holds a lone UTF-16 surrogate (U+{(int)text[at]:X4} at index {at}), which " +
                "UTF-8 cannot encode: it would be saved as U+FFFD and loaded as other text. Pair it or remove it.", parameter);
    }

    /// <summary>The index of the first surrogate in <paramref name="text"/> that is not half of a pair, or −1.</summary>
    private static int LoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (IsLoneSurrogate(text, i)) return i;
        return -1;
    }

    private static bool IsLoneSurrogate(string text, int i)
        => char.IsSurrogate(text[i])
           && !(i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
           && !(i > 0 && char.IsSurrogatePair(text[i - 1], text[i]));

    /// <summary><paramref name="text"/> with each lone surrogate written as \uXXXX, so that a message can show it.</summary>
    private static string Printable(string text)
    {
        var printable = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (IsLoneSurrogate(text, i)) printable.Append($"\\u{(int)text[i]:X4}");
            else printable.Append(text[i]);
        }
        return printable.ToString();
    }

    /// <summary>The UTF-8 JSON header, padded with spaces to a multiple of 8 bytes; System.Text.Json's relaxed encoder
    /// makes the escapes the class remarks list.</summary>
    private static byte[] Header(List<SafeTensorsEntry> layout, IReadOnlyDictionary<string, string>? metadata)
    {
        var text = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(text, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(SafeTensorsHeaderReader.MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            foreach (SafeTensorsEntry entry in layout)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", SafeTensorsHeaderReader.Name(entry.DType));
                json.WriteStartArray("shape");
                foreach (int d in entry.Dims) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(entry.Begin);
                json.WriteNumberValue(entry.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        int length = text.WrittenCount;
        byte[] header = new byte[(length + 7) / 8 * 8];
        text.WrittenSpan.CopyTo(header);
        header.AsSpan(length).Fill((byte)' ');
        return header;
    }
}
