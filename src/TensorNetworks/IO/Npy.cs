using System.Buffers.Binary;
using System.Text;

namespace TensorNetworks.IO;

/// <summary>
/// Reads and writes NumPy's .npy format: the magic string <c>\x93NUMPY</c>, a major and minor version
/// byte, the header length (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and 3.0), a Python dict
/// literal <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c> padded with spaces and
/// ending in '\n' so the data starts at a multiple of 64 bytes, then the raw elements.
/// </summary>
/// <example><code>
/// Npy.Save("x.npy", TN.Randn(gen, DType.Float64, 3, 4));   // np.load("x.npy") in Python
/// Tensor x = Npy.Load("x.npy");
/// </code></example>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes <paramref name="tensor"/> as a version 1.0 .npy file (descr <c>&lt;f4</c> or <c>&lt;f8</c>, C order;
    /// version 2.0 only if the header outgrows 65535 bytes). The file is written to a temporary file in the
    /// same directory and renamed over <paramref name="path"/>, so a failure leaves no partial file.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">When the directory of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    /// <example><code>Npy.Save("x.npy", TN.Arange(6).Reshape(2, 3));</code></example>
    public static void Save(string path, Tensor tensor)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensor);
        string dict = NpyHeader.Format(tensor);
        int prefix = dict.Length + 1 + 10 > ushort.MaxValue ? 12 : 10;
        int padding = (64 - (prefix + dict.Length + 1) % 64) % 64;
        byte[] header = Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n");

        AtomicFile.Write(path, stream =>
        {
            Span<byte> start = stackalloc byte[12];
            Magic.CopyTo(start);
            start[6] = (byte)(prefix == 10 ? 1 : 2);
            start[7] = 0;
            if (prefix == 10) BinaryPrimitives.WriteUInt16LittleEndian(start[8..], (ushort)header.Length);
            else BinaryPrimitives.WriteUInt32LittleEndian(start[8..], (uint)header.Length);
            stream.Write(start[..prefix]);
            stream.Write(header);
            LittleEndian.Write(stream, tensor);
        });
    }

    /// <summary>
    /// Reads a .npy file of version 1.0, 2.0 or 3.0. Descr <c>&lt;f4</c> gives a Float32 tensor; <c>&lt;f8</c>,
    /// <c>&lt;i4</c>, <c>&lt;i8</c> and <c>|u1</c> give Float64; big-endian (<c>&gt;</c>) data is byte-swapped.
    /// Fortran-order data is returned in row-major order with the same shape. Shapes <c>()</c> and <c>(n,)</c>
    /// give 0-axis and 1-axis tensors.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is truncated, corrupt or of an unsupported
    /// version or descr; the message names the file, the byte offset and the problem.</exception>
    /// <example><code>Tensor x = Npy.Load("x.npy"); // written by numpy.save</code></example>
    public static Tensor Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long length = stream.Length;
        Span<byte> start = stackalloc byte[12];
        int got = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (got < Magic.Length || !start[..Magic.Length].SequenceEqual(Magic))
            throw Corrupt(path, 0, "the file does not start with the .npy magic string \\x93NUMPY.");
        if (got < 8)
            throw Corrupt(path, got, "the file ends inside the version bytes.");
        (byte major, byte minor) = (start[6], start[7]);
        if (major is not (1 or 2 or 3) || minor != 0)
            throw Corrupt(path, 6, $"format version {major}.{minor} is not one tn reads (1.0, 2.0 or 3.0).");
        int prefix = major == 1 ? 10 : 12;
        if (got < prefix)
            throw Corrupt(path, got, $"the file ends inside the {prefix - 8}-byte header length.");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(start[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(start[8..]);
        if (prefix + headerLength > length)
            throw Corrupt(path, 8, $"the header length {headerLength} runs past the end of the file, which has only {length - prefix} bytes after it.");

        byte[] headerBytes = new byte[headerLength];
        stream.Position = prefix;
        stream.ReadExactly(headerBytes);
        NpyHeader header = ParseHeader(headerBytes, major, path, prefix);

        long dataStart = prefix + headerLength;
        long count = Shape.ElementCountOf(header.Dims);
        long bytes = count * header.Descr.Size;
        if (length - dataStart < bytes)
            throw Corrupt(path, length, $"the data is truncated: {count} elements of {header.Descr.Size} bytes need {bytes} bytes from byte {dataStart}, but the file ends after {length - dataStart}.");
        if (length - dataStart > bytes)
            throw Corrupt(path, dataStart + bytes, $"{length - dataStart - bytes} bytes follow the {bytes} bytes of data that the shape ({string.Join(", ", header.Dims)}) calls for.");
        if (!header.FortranOrder) return header.Descr.Read(stream, header.Dims);
        return FromFortranOrder(header, stream);
    }

    private static NpyHeader ParseHeader(byte[] bytes, byte major, string path, int start)
    {
        if (major < 3)
        {
            string latin1 = Encoding.Latin1.GetString(bytes);
            return NpyHeader.Parse(latin1, path, start, index => index);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Corrupt(path, start + Math.Max(e.Index, 0), "the version 3.0 header is not valid UTF-8.");
        }
        return NpyHeader.Parse(text, path, start, index => Encoding.UTF8.GetByteCount(text.AsSpan(0, index)));
    }

    /// <summary>Column-major data of shape (d0, …, dk) is row-major data of shape (dk, …, d0); reversing the axes
    /// gives the row-major tensor.</summary>
    private static Tensor FromFortranOrder(NpyHeader header, Stream stream)
    {
        int[] reversed = header.Dims.Reverse().ToArray();
        Tensor transposed = header.Descr.Read(stream, reversed);
        if (reversed.Length < 2) return transposed;
        return transposed.Permute(Enumerable.Range(0, reversed.Length).Reverse().ToArray());
    }

    private static InvalidDataException Corrupt(string path, long offset, string problem) =>
        FileErrors.Corrupt("npy", path, offset, problem);
}
