namespace TensorNetworks.Models.Completion;

/// <summary>Validation of an observed set given as multi-indices and values; messages show the offending values.</summary>
internal static class ObservedChecks
{
    /// <summary>Throws unless the shape has at least one mode and every extent is at least 1.</summary>
    public static void Shape(Shape shape)
    {
        if (shape.Count == 0)
            throw new ArgumentException("ObservedEntries: the tensor is a scalar (shape []); completion needs at least one mode.", nameof(shape));
        if (shape.Any(d => d < 1))
            throw new ArgumentException($"ObservedEntries: every extent must be at least 1, got shape {shape}.", nameof(shape));
    }

    /// <summary>Throws unless the values are a float vector of <paramref name="count"/> finite entries, count ≥ 1.</summary>
    public static void Values(Tensor values, int count)
    {
        if (count == 0)
            throw new ArgumentException("ObservedEntries: the list of observed indices is empty; completion needs at least one observed entry.", "indices");
        if (values.Order != 1 || values.Size(0) != count)
            throw new ArgumentException($"ObservedEntries: the values must be a vector of {count} entries (one per index), got shape {values.Shape}.", nameof(values));
        double[] v = values.ToArray<double>();
        for (int j = 0; j < v.Length; j++)
            if (!double.IsFinite(v[j]))
                throw new ArgumentException($"ObservedEntries: value {j} is {v[j]}; observed values must be finite.", nameof(values));
    }

    /// <summary>Checks every index (length, range, no repeats) and returns the coordinates per mode.</summary>
    public static int[][] ModeIndices(Shape shape, IReadOnlyList<int[]> indices)
    {
        int n = shape.Count;
        var modes = new int[n][];
        for (int k = 0; k < n; k++) modes[k] = new int[indices.Count];
        var seen = new Dictionary<long, int>();
        for (int j = 0; j < indices.Count; j++)
        {
            int[] index = indices[j] ?? throw new ArgumentNullException(nameof(indices), $"ObservedEntries: index {j} is null.");
            if (index.Length != n)
                throw new ArgumentException($"ObservedEntries: index {j} {ObservedEntries.FormatIndex(index)} has {index.Length} entries but the shape {shape} has {n} modes.", nameof(indices));
            long flat = 0;
            for (int k = 0; k < n; k++)
            {
                if ((uint)index[k] >= (uint)shape[k])
                    throw new ArgumentException($"ObservedEntries: index {j} {ObservedEntries.FormatIndex(index)} is out of range in mode {k}: it must lie in 0..{shape[k] - 1} for shape {shape}.", nameof(indices));
                modes[k][j] = index[k];
                flat = flat * shape[k] + index[k];
            }
            if (!seen.TryAdd(flat, j))
                throw new ArgumentException($"ObservedEntries: index {j} {ObservedEntries.FormatIndex(index)} repeats index {seen[flat]}; each entry may be observed once.", nameof(indices));
        }
        return modes;
    }
}
