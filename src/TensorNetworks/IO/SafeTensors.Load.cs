using System.Buffers.Binary;

namespace TensorNetworks.IO;

public static partial class SafeTensors
{
    /// <summary>The largest header accepted, 100 MiB, the limit Python's safetensors applies too.</summary>
    public const long MaxHeaderBytes = 100L << 20;

    /// <summary>
    /// Reads a safetensors file: every tensor (F32 or F64) by name and the <c>__metadata__</c> strings.
    /// Everything is checked before use: the header length against the file, the header as strict UTF-8
    /// JSON without duplicate names, each dtype, each shape against its byte range
    /// (Π shape × element size = end − begin), and the ranges against each other: sorted by offset they must
    /// tile the data section exactly, with no gap, no overlap and nothing missing or left over at the end.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is truncated or corrupt, or holds a dtype other
    /// than F32/F64; the message names the file, the byte offset of the problem and the problem.</exception>
    /// <example><code>
    /// SafeTensorsContents file = SafeTensors.Load("weights.safetensors");
    /// foreach (var (name, t) in file.Tensors) Console.WriteLine($"{name}: {t.Shape} {t.DType}");
    /// </code></example>
    public static SafeTensorsContents Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long fileLength = stream.Length;
        byte[] header = ReadHeader(stream, path, fileLength);
        var (entries, metadata) = SafeTensorsHeaderReader.Parse(header, path);

        long dataStart = SafeTensorsHeaderReader.HeaderStart + header.Length;
        CheckLayout(entries, path, dataStart, fileLength - dataStart);

        var tensors = new Dictionary<string, Tensor>(entries.Count);
        foreach (SafeTensorsEntry entry in entries.OrderBy(e => e.Begin))
        {
            Tensor tensor = Tensor.Uninitialized(entry.DType, entry.Dims);
            stream.Position = dataStart + entry.Begin;
            LittleEndian.Read(stream, tensor);
            tensors[entry.Name] = tensor;
        }
        var inHeaderOrder = entries.ToDictionary(e => e.Name, e => tensors[e.Name]);
        return new SafeTensorsContents(inHeaderOrder, metadata);
    }

    private static byte[] ReadHeader(FileStream stream, string path, long fileLength)
    {
        if (fileLength < 8)
            throw Corrupt(path, 0, $"the file is {fileLength} bytes long, too short for the 8-byte header length it must start with.");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length == 0)
            throw Corrupt(path, 0, "the header length is 0; a header holds at least \"{}\".");
        if (length > MaxHeaderBytes)
            throw Corrupt(path, 0, $"the header length {length} exceeds the {MaxHeaderBytes}-byte limit.");
        if (length > (ulong)(fileLength - 8))
            throw Corrupt(path, 0, $"the header length {length} runs past the end of the file, which has only {fileLength - 8} bytes after the length.");
        byte[] header = new byte[length];
        stream.ReadExactly(header);
        return header;
    }

    /// <summary>Checks that the entries, sorted by offset, tile [0, dataLength) exactly.</summary>
    private static void CheckLayout(List<SafeTensorsEntry> entries, string path, long dataStart, long dataLength)
    {
        long expected = 0;
        string? previous = null;
        foreach (SafeTensorsEntry entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin != expected)
            {
                string after = previous is null ? "the data section starts at 0" : $"the previous tensor \"{previous}\" ends at {expected}";
                string what = entry.Begin < expected ? "overlaps" : "leaves a gap";
                throw Corrupt(path, dataStart + entry.Begin,
                    $"tensor \"{entry.Name}\" starts at data byte {entry.Begin} but {after}: it {what}. Tensors must be stored back to back.");
            }
            if (entry.End > dataLength)
                throw Corrupt(path, dataStart + dataLength,
                    $"tensor \"{entry.Name}\" ends at data byte {entry.End} (file byte {dataStart + entry.End}), beyond the end of the file at byte {dataStart + dataLength}: the file is truncated.");
            expected = entry.End;
            previous = entry.Name;
        }
        if (expected != dataLength)
            throw Corrupt(path, dataStart + expected,
                $"{dataLength - expected} bytes follow the last tensor's data (which ends at data byte {expected}); no tensor covers them.");
    }

    private static InvalidDataException Corrupt(string path, long offset, string problem) =>
        FileErrors.Corrupt("safetensors", path, offset, problem);
}
