using TensorNetworks.Training.Data;

namespace TensorNetworks.Models.Decompositions;

/// <summary>The data source of a decomposition fitted by the <see cref="Training.Trainer"/>: every epoch is one
/// batch whose inputs are the whole data tensor, so one epoch is one sweep of the update scheme.</summary>
internal sealed class CpTuckerBatch(Tensor data) : IBatchSource
{
    private readonly Batch _batch = new(data);

    /// <inheritdoc/>
    public int BatchesPerEpoch => 1;

    /// <inheritdoc/>
    public int SamplesPerEpoch => _batch.Count;

    /// <inheritdoc/>
    public IEnumerable<Batch> Batches(int epoch, int skip = 0)
    {
        if (skip == 0) yield return _batch;
    }
}
