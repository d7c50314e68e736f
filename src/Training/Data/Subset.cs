namespace TensorNetworks.Training.Data;

/// <summary>
/// A view of chosen samples of another dataset: sample k of the subset is sample
/// <see cref="Indices"/>[k] of <see cref="Source"/>. Nothing is copied until <see cref="Gather"/>.
/// </summary>
/// <example><code>
/// var evens = new Subset(dataset, [0, 2, 4, 6]);
/// Batch b = evens.Gather([1, 3]);  // samples 2 and 6 of dataset
/// </code></example>
public sealed class Subset : IDataset
{
    private readonly int[] _indices;

    /// <summary>Creates the view of <paramref name="source"/> at <paramref name="indices"/> (copied; repeats allowed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside [0, source.Count).</exception>
    public Subset(IDataset source, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        _indices = DatasetIndices.Checked(indices, source.Count, nameof(Subset));
        Source = source;
    }

    /// <summary>The dataset this one views.</summary>
    public IDataset Source { get; }

    /// <summary>The source index of each sample of this subset.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc/>
    public int Count => _indices.Length;

    /// <summary>The source samples at <see cref="Indices"/>[k] for each k in <paramref name="indices"/>, as one batch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside [0, Count).</exception>
    /// <example><code>Batch b = new Subset(dataset, [9, 3]).Gather([1]); // sample 3 of dataset</code></example>
    public Batch Gather(ReadOnlySpan<int> indices)
    {
        int[] local = DatasetIndices.Checked(indices, Count, nameof(Subset));
        return Source.Gather(Array.ConvertAll(local, k => _indices[k]));
    }
}
