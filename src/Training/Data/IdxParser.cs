using System.Buffers.Binary;

namespace TensorNetworks.Training.Data;

/// <summary>
/// Parses and validates the IDX layout: bytes 0-1 zero, byte 2 the element type, byte 3 the number of
/// dimensions d, then d big-endian int32 extents, then exactly ∏ extents big-endian values.
/// </summary>
internal static class IdxParser
{
    private const int MagicLength = 4;

    /// <summary>The array held by <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">When the layout is violated; the message names the file,
    /// the byte offset and what was expected there.</exception>
    public static IdxArray Parse(DataFile file)
    {
        ReadOnlySpan<byte> bytes = file.Bytes;
        if (bytes.Length < MagicLength)
            throw Invalid(file, bytes.Length, $"the file ends inside the 4-byte magic number (it has {bytes.Length} bytes)");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw Invalid(file, bytes[0] != 0 ? 0 : 1,
                $"bad magic number 0x{bytes[0]:X2}{bytes[1]:X2}{bytes[2]:X2}{bytes[3]:X2}; an IDX file starts with two zero bytes, a type byte and a dimension count (e.g. 0x00000803 for MNIST images)");
        if (!IdxElementTypes.IsDefined(bytes[2]))
            throw Invalid(file, 2, $"type byte 0x{bytes[2]:X2} is not an IDX element type; expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E");
        var type = (IdxElementType)bytes[2];
        int[] dims = ReadDims(file, bytes);
        long headerLength = MagicLength + 4L * dims.Length;
        long count = ElementCount(file, dims);
        long expected = headerLength + count * type.ByteSize();
        if (bytes.Length < expected)
            throw Invalid(file, bytes.Length,
                $"the data is truncated: dims [{string.Join(", ", dims)}] of {type} need {expected} bytes ({headerLength} header + {count} × {type.ByteSize()}), but the file ends here");
        if (bytes.Length > expected)
            throw Invalid(file, expected,
                $"{bytes.Length - expected} trailing bytes follow the {count} values of dims [{string.Join(", ", dims)}]; the file should end here");
        return new IdxArray(file.Path, type, dims, file.Bytes.Slice((int)headerLength, (int)(expected - headerLength)));
    }

    private static int[] ReadDims(DataFile file, ReadOnlySpan<byte> bytes)
    {
        int order = bytes[3];
        if (order == 0)
            throw Invalid(file, 3, "the dimension count is 0; an IDX array needs at least one dimension");
        if (bytes.Length < MagicLength + 4 * order)
            throw Invalid(file, bytes.Length, $"the file ends inside the {order} dimension extents, which need bytes {MagicLength}..{MagicLength + 4 * order - 1}");
        var dims = new int[order];
        for (int i = 0; i < order; i++)
        {
            int offset = MagicLength + 4 * i;
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[offset..]);
            if (dims[i] <= 0)
                throw Invalid(file, offset, $"dimension {i} has extent {dims[i]}; every extent must be positive");
        }
        return dims;
    }

    private static long ElementCount(DataFile file, int[] dims)
    {
        long count = 1;
        foreach (int d in dims)
        {
            count *= d;
            if (count > Array.MaxLength)
                throw Invalid(file, MagicLength,
                    $"dims [{string.Join(", ", dims)}] hold more than {Array.MaxLength} values, more than one array can hold");
        }
        return count;
    }

    private static InvalidDataException Invalid(DataFile file, long offset, string problem)
        => new($"Idx: {file.At(offset)}: {problem}.");
}
