namespace TensorNetworks.Training.Data;

/// <summary>
/// The element type of an IDX file, as stored in the third byte of its magic number. Every type is
/// stored big-endian.
/// </summary>
/// <example><code>
/// IdxArray labels = Idx.Read("train-labels-idx1-ubyte.gz");
/// bool bytes = labels.ElementType == IdxElementType.UnsignedByte; // true for MNIST
/// </code></example>
public enum IdxElementType : byte
{
    /// <summary>0x08: unsigned byte, 0..255 (MNIST and Fashion-MNIST images and labels).</summary>
    UnsignedByte = 0x08,

    /// <summary>0x09: signed byte, -128..127.</summary>
    SignedByte = 0x09,

    /// <summary>0x0B: 16-bit signed integer.</summary>
    Int16 = 0x0B,

    /// <summary>0x0C: 32-bit signed integer.</summary>
    Int32 = 0x0C,

    /// <summary>0x0D: IEEE 754 single precision.</summary>
    Float32 = 0x0D,

    /// <summary>0x0E: IEEE 754 double precision.</summary>
    Float64 = 0x0E,
}
