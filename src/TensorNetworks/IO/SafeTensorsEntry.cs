namespace TensorNetworks.IO;

/// <summary>One tensor as a safetensors header describes it.</summary>
/// <param name="Name">The tensor's name (its key in the header).</param>
/// <param name="DType">The element type.</param>
/// <param name="Dims">The extents, outermost first.</param>
/// <param name="Begin">First byte of the data, relative to the start of the data section.</param>
/// <param name="End">One past the last byte of the data, relative to the start of the data section.</param>
/// <param name="HeaderOffset">Where the entry sits in the file, for error messages.</param>
internal sealed record SafeTensorsEntry(string Name, DType DType, int[] Dims, long Begin, long End, long HeaderOffset);
