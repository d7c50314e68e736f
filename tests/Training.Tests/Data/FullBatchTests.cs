using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class FullBatchTests
{
    [Fact]
    public void Batches_YieldTheSameBatchEveryEpoch()
    {
        var batch = new Batch(TN.Ones(3, 4, 5));
        var source = new FullBatch(batch);

        Assert.Same(batch, source.Batches(0).Single());
        Assert.Same(batch, source.Batches(7).Single());
        Assert.Equal(1, source.BatchesPerEpoch);
        Assert.Equal(3, source.SamplesPerEpoch);
    }

    [Fact]
    public void Batches_WithSkipOneAreEmpty()
    {
        Assert.Empty(new FullBatch(new Batch(TN.Ones(2))).Batches(0, skip: 1));
    }

    [Fact]
    public void Batches_ThrowForSkipBeyondOne()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FullBatch(new Batch(TN.Ones(2))).Batches(0, skip: 2));
        Assert.Contains("skip must be 0 or 1", e.Message);
    }
}
