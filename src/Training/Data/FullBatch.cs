namespace TensorNetworks.Training.Data;

/// <summary>
/// A batch source whose every epoch is the same single batch: for models fitted to one whole tensor
/// (a CP or Tucker decomposition of the data), where each training step sees all of it.
/// </summary>
/// <example><code>
/// var source = new FullBatch(new Batch(dataTensor));
/// // decomposition: a module whose Reconstruct() approximates dataTensor
/// Trainer.Fit(decomposition, source, batch => TN.MseLoss(decomposition.Reconstruct(), batch.Inputs), scheme);
/// </code></example>
public sealed class FullBatch : IBatchSource
{
    /// <summary>Creates a source that yields <paramref name="batch"/> once per epoch.</summary>
    public FullBatch(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Batch = batch;
    }

    /// <summary>The batch of every epoch.</summary>
    public Batch Batch { get; }

    /// <summary>1.</summary>
    public int BatchesPerEpoch => 1;

    /// <summary>The batch's sample count.</summary>
    public int SamplesPerEpoch => Batch.Count;

    /// <summary>The one batch, or nothing when <paramref name="skip"/> is 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="epoch"/> is negative or
    /// <paramref name="skip"/> is not 0 or 1.</exception>
    /// <example><code>Batch all = source.Batches(epoch: 5).Single();</code></example>
    public IEnumerable<Batch> Batches(int epoch, int skip = 0)
    {
        if (epoch < 0)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"FullBatch: epoch {epoch} is negative; epochs count from 0.");
        if (skip is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(skip), skip, $"FullBatch: cannot skip {skip} batches of a one-batch epoch; skip must be 0 or 1.");
        return skip == 0 ? [Batch] : [];
    }
}
