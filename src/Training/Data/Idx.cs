namespace TensorNetworks.Training.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08 unsigned
/// byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), a dimension count d,
/// d big-endian int32 extents, then the values big-endian in row-major order. A file starting with the
/// gzip magic bytes 1F 8B is decompressed first; any other file is read as is.
/// </summary>
/// <example><code>
/// Tensor images = Idx.ReadImages("train-images-idx3-ubyte.gz"); // Float32 [60000, 28, 28] in [0, 1]
/// int[] labels = Idx.ReadLabels("train-labels-idx1-ubyte.gz");  // 60000 labels in 0..9
/// </code></example>
public static class Idx
{
    /// <summary>Reads any IDX file: its element type, dims and values.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not valid IDX: a bad magic number or type
    /// byte, no dimensions, a non-positive extent, too many values, truncated data or trailing bytes. The
    /// message names the file and the byte offset (of the decompressed data, for a gzip file).</exception>
    /// <example><code>IdxArray a = Idx.Read("weights.idx"); // a.Dims, a.ElementType, a.ToTensor()</code></example>
    public static IdxArray Read(string path) => IdxParser.Parse(DataFile.Read(path));

    /// <summary>
    /// Reads an unsigned-byte image file of dims [n, rows, cols] as a Float32 tensor of the same shape with
    /// pixel p stored as p / 255, so values lie in [0, 1].
    /// </summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not valid IDX (see <see cref="Read"/>), is not
    /// of unsigned bytes or does not have three dimensions.</exception>
    /// <example><code>Tensor test = Idx.ReadImages("t10k-images-idx3-ubyte.gz"); // [10000, 28, 28]</code></example>
    public static Tensor ReadImages(string path)
    {
        IdxArray array = Read(path);
        if (array.ElementType != IdxElementType.UnsignedByte || array.Dims.Count != 3)
            throw new InvalidDataException(
                $"Idx.ReadImages: \"{path}\" holds {array.ElementType} values of dims [{string.Join(", ", array.Dims)}], " +
                "but images are unsigned bytes of dims [n, rows, cols]. Use Idx.Read for other arrays.");
        return TN.Create<float, ReadOnlySpan<byte>>([.. array.Dims], array.Payload, static (values, pixels) =>
        {
            for (int i = 0; i < values.Length; i++) values[i] = pixels[i] / 255f;
        });
    }

    /// <summary>Reads a one-dimensional file of integers (unsigned or signed bytes, int16 or int32) as labels.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not valid IDX (see <see cref="Read"/>), holds
    /// floating-point values or has more than one dimension.</exception>
    /// <example><code>int[] labels = Idx.ReadLabels("t10k-labels-idx1-ubyte.gz"); // 10000 labels</code></example>
    public static int[] ReadLabels(string path)
    {
        IdxArray array = Read(path);
        if (!array.ElementType.IsInteger() || array.Dims.Count != 1)
            throw new InvalidDataException(
                $"Idx.ReadLabels: \"{path}\" holds {array.ElementType} values of dims [{string.Join(", ", array.Dims)}], " +
                "but labels are integers of dims [n]. Use Idx.Read for other arrays.");
        var labels = new int[array.Count];
        for (int i = 0; i < labels.Length; i++) labels[i] = (int)array[i];
        return labels;
    }
}
