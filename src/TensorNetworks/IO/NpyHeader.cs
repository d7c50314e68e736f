namespace TensorNetworks.IO;

/// <summary>The header of a .npy file: element type, memory order and shape.</summary>
/// <param name="Descr">The element type.</param>
/// <param name="FortranOrder">True when the data is stored column-major.</param>
/// <param name="Dims">The extents, outermost first.</param>
internal sealed record NpyHeader(NpyDescr Descr, bool FortranOrder, int[] Dims)
{
    /// <summary>
    /// Reads the Python dict literal of a header (<c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c>).
    /// Problems become <see cref="InvalidDataException"/>s at <paramref name="start"/> plus the byte index
    /// that <paramref name="byteIndex"/> gives for a character index.
    /// </summary>
    public static NpyHeader Parse(string text, string path, long start, Func<int, long> byteIndex)
    {
        object? literal;
        try
        {
            literal = PythonLiteral.Parse(text);
        }
        catch (FormatException e)
        {
            throw Corrupt(path, start + byteIndex((int)e.Data["index"]!), $"the header is not a Python dict literal: {e.Message}.");
        }
        if (literal is not Dictionary<string, object?> dict)
            throw Corrupt(path, start, "the header must be a Python dict with the keys 'descr', 'fortran_order' and 'shape'.");
        string[] keys = ["descr", "fortran_order", "shape"];
        if (dict.Count != keys.Length || !keys.All(dict.ContainsKey))
            throw Corrupt(path, start, $"the header has the keys {string.Join(", ", dict.Keys.Select(k => $"'{k}'"))}; it must have exactly 'descr', 'fortran_order' and 'shape'.");

        if (dict["descr"] is not string descrText)
            throw Corrupt(path, start, "'descr' is not a string; structured (record) arrays are not supported, save a plain numeric array.");
        if (!NpyDescr.TryParse(descrText, out NpyDescr descr))
            throw Corrupt(path, start, $"descr '{descrText}' is not supported; tn reads {NpyDescr.Supported}. Convert the array with astype('<f8') before saving it.");
        if (dict["fortran_order"] is not bool fortran)
            throw Corrupt(path, start, $"'fortran_order' must be True or False, got {dict["fortran_order"] ?? "None"}.");
        return new NpyHeader(descr, fortran, ReadDims(dict["shape"], path, start));
    }

    private static int[] ReadDims(object? shape, string path, long start)
    {
        if (shape is not List<object?> items)
            throw Corrupt(path, start, "'shape' must be a tuple of integers.");
        var dims = new int[items.Count];
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (items[i] is not long extent || extent < 0 || extent > int.MaxValue)
                throw Corrupt(path, start, $"'shape' element {i} is {items[i] ?? "None"}; extents must be integers from 0 to {int.MaxValue}.");
            dims[i] = (int)extent;
            count *= extent;
            if (count > Array.MaxLength)
                throw Corrupt(path, start, $"'shape' ({string.Join(", ", items)}) has more than the {Array.MaxLength} elements a tensor can hold.");
        }
        return dims;
    }

    /// <summary>The header dict that <c>numpy.save</c> writes for a C-order array of <paramref name="tensor"/>'s dtype and shape.</summary>
    public static string Format(Tensor tensor)
    {
        string descr = tensor.DType == DType.Float32 ? "<f4" : "<f8";
        int[] dims = tensor.Shape.ToArray();
        string shape = dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims) + ")";
        return $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
    }

    private static InvalidDataException Corrupt(string path, long offset, string problem) =>
        FileErrors.Corrupt("npy", path, offset, problem);
}
