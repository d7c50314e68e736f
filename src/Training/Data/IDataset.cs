namespace TensorNetworks.Training.Data;

/// <summary>A finite, indexable collection of samples that can gather any subset into a <see cref="Batch"/>.</summary>
public interface IDataset
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>The samples at <paramref name="indices"/>, in that order, as one batch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside [0, Count).</exception>
    Batch Gather(ReadOnlySpan<int> indices);
}
