namespace TensorNetworks.Training.Data;

/// <summary>Facts about <see cref="IdxElementType"/> values.</summary>
internal static class IdxElementTypes
{
    /// <summary>Bytes per stored value: 1, 1, 2, 4, 4 or 8.</summary>
    public static int ByteSize(this IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Float32 => 4,
        IdxElementType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"0x{(byte)type:X2} is not an IDX element type."),
    };

    /// <summary>True for the types an IDX file may name: 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E.</summary>
    public static bool IsDefined(byte code) => Enum.IsDefined((IdxElementType)code);

    /// <summary>True for the integer types, whose values convert exactly to int.</summary>
    public static bool IsInteger(this IdxElementType type)
        => type is IdxElementType.UnsignedByte or IdxElementType.SignedByte or IdxElementType.Int16 or IdxElementType.Int32;
}
