namespace TensorNetworks.Training.Data;

/// <summary>
/// Cuts a dataset into mini-batches, epoch after epoch. With shuffling, epoch e visits the samples in
/// a permutation that depends only on (seed, e), so a resumed run sees exactly the batches of one that
/// never stopped; without it, every epoch is 0, 1, …, n-1. Batch b holds positions
/// [b·batchSize, min((b+1)·batchSize, n)) of that order: ⌈n / batchSize⌉ batches, the last one partial,
/// or ⌊n / batchSize⌋ full batches with <c>dropLast</c>.
/// </summary>
/// <example><code>
/// var loader = new DataLoader(new InMemoryDataset(x, labels: y), batchSize: 64, seed: 1);
/// foreach (Batch batch in loader.Batches(epoch: 0)) { /* … */ }
/// </code></example>
public sealed class DataLoader : IBatchSource
{
    private readonly int _count;

    /// <summary>Creates a loader over <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="batchSize">Samples per batch (the last batch may hold fewer unless <paramref name="dropLast"/>).</param>
    /// <param name="shuffle">Whether each epoch visits the samples in its own seeded random order.</param>
    /// <param name="seed">The seed of the epoch orders.</param>
    /// <param name="dropLast">Whether to leave out the final partial batch of each epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="batchSize"/> is less than 1.</exception>
    public DataLoader(IDataset dataset, int batchSize, bool shuffle = true, ulong seed = 0, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"DataLoader: batchSize is {batchSize}; it must be at least 1.");
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        _count = dataset.Count;
        BatchesPerEpoch = dropLast ? _count / batchSize : (_count + batchSize - 1) / batchSize;
        SamplesPerEpoch = dropLast ? BatchesPerEpoch * batchSize : _count;
    }

    /// <summary>The samples being batched.</summary>
    public IDataset Dataset { get; }

    /// <summary>Samples per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether epochs are shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the epoch orders.</summary>
    public ulong Seed { get; }

    /// <summary>Whether the final partial batch is left out.</summary>
    public bool DropLast { get; }

    /// <inheritdoc/>
    public int BatchesPerEpoch { get; }

    /// <inheritdoc/>
    public int SamplesPerEpoch { get; }

    /// <summary>The batches of <paramref name="epoch"/> in order, starting after the first <paramref name="skip"/>
    /// (which are neither gathered nor copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="epoch"/> is negative or
    /// <paramref name="skip"/> is outside [0, BatchesPerEpoch].</exception>
    /// <example><code>Batch third = loader.Batches(epoch: 2, skip: 2).First();</code></example>
    public IEnumerable<Batch> Batches(int epoch, int skip = 0)
    {
        if (epoch < 0)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"DataLoader: epoch {epoch} is negative; epochs count from 0.");
        if (skip < 0 || skip > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(skip), skip, $"DataLoader: cannot skip {skip} batches of an epoch of {BatchesPerEpoch}; skip must be in [0, {BatchesPerEpoch}].");
        return Enumerate(Order(epoch), skip);
    }

    /// <summary>The sample order of <paramref name="epoch"/>.</summary>
    internal int[] Order(int epoch) => Shuffle ? EpochOrder.Shuffled(_count, Seed, epoch) : EpochOrder.Identity(_count);

    private IEnumerable<Batch> Enumerate(int[] order, int skip)
    {
        for (int b = skip; b < BatchesPerEpoch; b++)
        {
            int start = b * BatchSize;
            int length = Math.Min(BatchSize, _count - start);
            yield return Dataset.Gather(order.AsSpan(start, length));
        }
    }
}
