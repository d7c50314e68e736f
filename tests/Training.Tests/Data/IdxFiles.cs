using System.Buffers.Binary;
using System.IO.Compression;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

/// <summary>Builds IDX file contents for tests: header, then values big-endian.</summary>
internal static class IdxFiles
{
    public static byte[] Header(byte typeCode, params int[] dims)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = typeCode;
        header[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dims[i]);
        return header;
    }

    public static byte[] Build(IdxElementType type, int[] dims, params double[] values)
    {
        using var stream = new MemoryStream();
        stream.Write(Header((byte)type, dims));
        Span<byte> buffer = stackalloc byte[8];
        foreach (double v in values)
        {
            int size = Encode(type, v, buffer);
            stream.Write(buffer[..size]);
        }
        return stream.ToArray();
    }

    public static byte[] Images(int count, int rows, int cols, Func<int, byte> pixel)
        => [.. Header(0x08, count, rows, cols), .. Enumerable.Range(0, count * rows * cols).Select(pixel)];

    public static byte[] Labels(params byte[] labels) => [.. Header(0x08, labels.Length), .. labels];

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static int Encode(IdxElementType type, double v, Span<byte> buffer)
    {
        switch (type)
        {
            case IdxElementType.UnsignedByte: buffer[0] = (byte)v; return 1;
            case IdxElementType.SignedByte: buffer[0] = (byte)(sbyte)v; return 1;
            case IdxElementType.Int16: BinaryPrimitives.WriteInt16BigEndian(buffer, (short)v); return 2;
            case IdxElementType.Int32: BinaryPrimitives.WriteInt32BigEndian(buffer, (int)v); return 4;
            case IdxElementType.Float32: BinaryPrimitives.WriteSingleBigEndian(buffer, (float)v); return 4;
            default: BinaryPrimitives.WriteDoubleBigEndian(buffer, v); return 8;
        }
    }
}
