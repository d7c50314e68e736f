using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TensorNetworks.IO;

/// <summary>Moves a tensor's elements to and from a stream as raw little-endian, row-major bytes.</summary>
internal static class LittleEndian
{
    /// <summary>Writes the elements of <paramref name="tensor"/> (ElementCount × ElementSize bytes).</summary>
    public static void Write(Stream stream, Tensor tensor)
    {
        Span<byte> bytes = Bytes(tensor);
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(bytes);
        }
        else
        {
            byte[] swapped = bytes.ToArray();
            Swap(swapped, tensor.DType.ElementSize());
            stream.Write(swapped);
        }
        GC.KeepAlive(tensor);
    }

    /// <summary>Fills every element of <paramref name="tensor"/> from the next bytes of the stream.</summary>
    /// <exception cref="EndOfStreamException">When the stream ends first.</exception>
    public static void Read(Stream stream, Tensor tensor)
    {
        Span<byte> bytes = Bytes(tensor);
        stream.ReadExactly(bytes);
        if (!BitConverter.IsLittleEndian) Swap(bytes, tensor.DType.ElementSize());
        GC.KeepAlive(tensor);
    }

    /// <summary>Reverses the byte order of each <paramref name="elementSize"/>-byte element in place.</summary>
    public static void Swap(Span<byte> bytes, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, "Element sizes are 1, 2, 4 or 8 bytes.");
        }
    }

    /// <summary>The tensor's storage as bytes (ElementCount × ElementSize of them); keep the tensor reachable while in use.</summary>
    public static Span<byte> Bytes(Tensor tensor) => tensor.DType == DType.Float32
        ? MemoryMarshal.AsBytes(tensor.Span<float>())
        : MemoryMarshal.AsBytes(tensor.Span<double>());
}
