namespace TensorNetworks.Training.Data;

/// <summary>Validation shared by the datasets' <see cref="IDataset.Gather"/>.</summary>
internal static class DatasetIndices
{
    /// <summary>A copy of <paramref name="indices"/> after checking each lies in [0, count).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the first bad index, its position and the valid range.</exception>
    public static int[] Checked(ReadOnlySpan<int> indices, int count, string owner)
    {
        for (int k = 0; k < indices.Length; k++)
            if ((uint)indices[k] >= (uint)count)
                throw new ArgumentOutOfRangeException(nameof(indices), indices[k],
                    $"{owner}.Gather: index {indices[k]} at position {k} is outside [0, {count}); the dataset has {count} samples.");
        return indices.ToArray();
    }
}
