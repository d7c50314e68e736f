using System.Buffers.Binary;

namespace TensorNetworks.IO;

/// <summary>
/// A .npy element type (<c>descr</c>) that tn reads: byte order ('&lt;' little, '&gt;' big, '|' not
/// applicable, '=' native, taken as little), kind and size. f4 and f8 load as Float32 and Float64; the
/// integer types i4, i8 and u1 load as Float64 (i8 values beyond 2^53 round to the nearest double).
/// </summary>
internal readonly record struct NpyDescr(char Kind, int Size, bool BigEndian)
{
    /// <summary>The descr strings this type accepts, for error messages.</summary>
    public const string Supported = "'<f4', '<f8', '<i4', '<i8', '|u1' (and the big-endian '>f4', '>f8', '>i4', '>i8')";

    /// <summary>Parses a descr such as <c>&lt;f8</c>; false when tn cannot read it.</summary>
    public static bool TryParse(string descr, out NpyDescr result)
    {
        result = default;
        if (descr.Length != 3 || "<>|=".IndexOf(descr[0]) < 0 || !char.IsAsciiDigit(descr[2])) return false;
        var candidate = new NpyDescr(descr[1], descr[2] - '0', descr[0] == '>');
        bool known = (candidate.Kind, candidate.Size) is ('f', 4) or ('f', 8) or ('i', 4) or ('i', 8) or ('u', 1);
        if (known) result = candidate;
        return known;
    }

    /// <summary>The dtype of the loaded tensor.</summary>
    public DType Target => (Kind, Size) == ('f', 4) ? DType.Float32 : DType.Float64;

    /// <summary>Reads ElementCount × Size bytes (in file order) from <paramref name="stream"/> into a new tensor of
    /// extents <paramref name="dims"/>. Float data goes straight into the tensor's storage, its bytes swapped in place when
    /// the file's byte order is not the machine's; integer data is converted through a buffer.</summary>
    /// <exception cref="EndOfStreamException">When the stream ends first.</exception>
    public Tensor Read(Stream stream, int[] dims)
    {
        Tensor tensor = Tensor.Uninitialized(Target, dims);
        if (Kind == 'f')
        {
            LittleEndian.Read(stream, tensor);
            if (BigEndian) LittleEndian.Swap(LittleEndian.Bytes(tensor), Size);
        }
        else
        {
            byte[] raw = new byte[(long)tensor.ElementCount * Size];
            stream.ReadExactly(raw);
            if (BigEndian) LittleEndian.Swap(raw, Size);
            Span<double> values = tensor.Span<double>();
            for (int i = 0; i < values.Length; i++) values[i] = Element(raw, i);
        }
        GC.KeepAlive(tensor);
        return tensor;
    }

    private double Element(ReadOnlySpan<byte> bytes, int i) => (Kind, Size) switch
    {
        ('i', 4) => BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]),
        ('i', 8) => BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]),
        _ => bytes[i],
    };
}
