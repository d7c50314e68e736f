namespace TensorNetworks.Training.Data;

/// <summary>
/// What the <see cref="Trainer"/> iterates: the batches of each epoch. The order of epoch e is a pure
/// function of e (and the source's seed), so a run resumed from a checkpoint sees the same batches as
/// one that never stopped.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of batches in every epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>Number of samples in every epoch (the sum of the batch counts).</summary>
    int SamplesPerEpoch { get; }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based), skipping the first
    /// <paramref name="skip"/> without materializing them.</summary>
    IEnumerable<Batch> Batches(int epoch, int skip = 0);
}
