using System.Buffers.Binary;

namespace TensorNetworks.Training.Data;

/// <summary>
/// The contents of one IDX file: its element type, its dimensions and its values, kept as the file's
/// big-endian bytes and converted on access. Obtain one from <see cref="Idx.Read"/>.
/// </summary>
/// <example><code>
/// IdxArray images = Idx.Read("train-images-idx3-ubyte.gz");
/// // images.Dims is [60000, 28, 28]; images[0] is the top-left pixel of the first image
/// Tensor asFloat64 = images.ToTensor(DType.Float64);
/// </code></example>
public sealed class IdxArray
{
    private readonly int[] _dims;
    private readonly ArraySegment<byte> _payload;

    internal IdxArray(string source, IdxElementType elementType, int[] dims, ArraySegment<byte> payload)
    {
        Source = source;
        ElementType = elementType;
        _dims = dims;
        _payload = payload;
        Count = payload.Count / elementType.ByteSize();
    }

    /// <summary>The file the values came from.</summary>
    public string Source { get; }

    /// <summary>The element type named by the file's magic number.</summary>
    public IdxElementType ElementType { get; }

    /// <summary>The extents, outermost first (for MNIST images: count, rows, columns).</summary>
    public IReadOnlyList<int> Dims => _dims;

    /// <summary>The number of values: the product of <see cref="Dims"/>.</summary>
    public int Count { get; }

    /// <summary>The value at row-major position <paramref name="index"/>, converted exactly to a double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is outside [0, Count).</exception>
    /// <example><code>double firstLabel = Idx.Read("train-labels-idx1-ubyte.gz")[0]; // 9 for Fashion-MNIST</code></example>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"IdxArray: index {index} is outside [0, {Count}) for {Source}.");
            return ValueAt(index);
        }
    }

    /// <summary>All values, row-major, converted exactly to doubles.</summary>
    /// <example><code>double[] values = Idx.Read("weights.idx").ToDoubleArray();</code></example>
    public double[] ToDoubleArray()
    {
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = ValueAt(i);
        return values;
    }

    /// <summary>The values as a tensor of shape <see cref="Dims"/> and the given dtype (Int32 and
    /// Float64 values are rounded to the nearest float in a Float32 tensor).</summary>
    /// <example><code>Tensor t = Idx.Read("t10k-images-idx3-ubyte.gz").ToTensor(); // Float32 [10000, 28, 28], values 0..255</code></example>
    public Tensor ToTensor(DType dtype = DType.Float32)
    {
        if (dtype == DType.Float64)
            return TN.Create<double, IdxArray>(_dims, this, static (values, array) =>
            {
                for (int i = 0; i < values.Length; i++) values[i] = array.ValueAt(i);
            });
        return TN.Create<float, IdxArray>(_dims, this, static (values, array) =>
        {
            for (int i = 0; i < values.Length; i++) values[i] = (float)array.ValueAt(i);
        });
    }

    /// <summary>The raw big-endian value bytes.</summary>
    internal ReadOnlySpan<byte> Payload => _payload;

    private double ValueAt(int index)
    {
        ReadOnlySpan<byte> bytes = Payload;
        return ElementType switch
        {
            IdxElementType.UnsignedByte => bytes[index],
            IdxElementType.SignedByte => (sbyte)bytes[index],
            IdxElementType.Int16 => BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * index)..]),
            IdxElementType.Int32 => BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * index)..]),
            IdxElementType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * index)..]),
            _ => BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * index)..]),
        };
    }
}
