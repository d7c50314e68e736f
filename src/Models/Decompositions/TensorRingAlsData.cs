using TensorNetworks.Training.Data;

namespace TensorNetworks.Models.Decompositions;

/// <summary>The data of a ring fit: the target tensor as the one batch of every epoch (one epoch = one sweep).</summary>
internal sealed class TensorRingAlsData(Tensor target) : IBatchSource
{
    private readonly Batch _batch = new(target);

    public int BatchesPerEpoch => 1;

    public int SamplesPerEpoch => _batch.Count;

    public IEnumerable<Batch> Batches(int epoch, int skip = 0) => skip == 0 ? [_batch] : [];
}
