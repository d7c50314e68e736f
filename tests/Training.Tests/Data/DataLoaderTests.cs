using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class DataLoaderTests
{
    /// <summary>A dataset whose sample i has label i, so batches reveal the order.</summary>
    private static InMemoryDataset Numbered(int n) => new(TN.Arange(n), labels: [.. Enumerable.Range(0, n)]);

    private static int[][] EpochLabels(DataLoader loader, int epoch, int skip = 0)
        => [.. loader.Batches(epoch, skip).Select(b => b.Labels!)];

    [Fact]
    public void Batches_VisitEverySampleExactlyOncePerEpoch()
    {
        var loader = new DataLoader(Numbered(23), batchSize: 5, seed: 9);

        for (int epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 23), EpochLabels(loader, epoch).SelectMany(l => l).Order());
    }

    [Fact]
    public void Batches_DifferBetweenEpochsAndRepeatForTheSameSeed()
    {
        var loader = new DataLoader(Numbered(40), batchSize: 8, seed: 2);
        var twin = new DataLoader(Numbered(40), batchSize: 8, seed: 2);
        var other = new DataLoader(Numbered(40), batchSize: 8, seed: 3);

        Assert.NotEqual(EpochLabels(loader, 0).SelectMany(l => l), EpochLabels(loader, 1).SelectMany(l => l));
        Assert.Equal(EpochLabels(loader, 1), EpochLabels(twin, 1));
        Assert.NotEqual(EpochLabels(loader, 1).SelectMany(l => l), EpochLabels(other, 1).SelectMany(l => l));
    }

    [Fact]
    public void Batches_WithSkipEqualDroppingTheFirstBatches()
    {
        var loader = new DataLoader(Numbered(31), batchSize: 4, seed: 6);

        Assert.Equal(EpochLabels(loader, 2).Skip(3), EpochLabels(loader, 2, skip: 3));
        Assert.Empty(EpochLabels(loader, 2, skip: loader.BatchesPerEpoch));
    }

    [Fact]
    public void Batches_WithSkipGatherNothingSkipped()
    {
        var counting = new CountingDataset(Numbered(20));
        var loader = new DataLoader(counting, batchSize: 5);

        _ = loader.Batches(0, skip: 3).ToList();

        Assert.Equal(5, counting.Gathered);
    }

    [Fact]
    public void Batches_EndWithAPartialBatch()
    {
        var loader = new DataLoader(Numbered(10), batchSize: 4, shuffle: false);

        Assert.Equal(3, loader.BatchesPerEpoch);
        Assert.Equal(10, loader.SamplesPerEpoch);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], EpochLabels(loader, 0));
        Assert.Equal([8f, 9], loader.Batches(0, skip: 2).Single().Inputs.ToArray<float>());
    }

    [Fact]
    public void Batches_WithDropLastLeaveOutThePartialBatch()
    {
        var loader = new DataLoader(Numbered(10), batchSize: 4, seed: 1, dropLast: true);

        int[][] batches = EpochLabels(loader, 0);

        Assert.Equal(2, loader.BatchesPerEpoch);
        Assert.Equal(8, loader.SamplesPerEpoch);
        Assert.All(batches, b => Assert.Equal(4, b.Length));
        Assert.Equal(8, batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Batches_WithoutShuffleAreInDatasetOrderEveryEpoch()
    {
        var loader = new DataLoader(Numbered(6), batchSize: 6, shuffle: false);

        Assert.Equal([0, 1, 2, 3, 4, 5], EpochLabels(loader, 4).Single());
    }

    [Fact]
    public void Batches_ThrowForSkipBeyondTheEpoch()
    {
        var loader = new DataLoader(Numbered(10), batchSize: 4);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => loader.Batches(0, skip: 4));
        Assert.Contains("[0, 3]", e.Message);
    }

    [Fact]
    public void Batches_ThrowForNegativeEpoch()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(4), 2).Batches(-1));
    }

    [Fact]
    public void Constructor_ThrowsForNonPositiveBatchSize()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(4), 0));
        Assert.Contains("batchSize is 0", e.Message);
    }

    private sealed class CountingDataset(IDataset inner) : IDataset
    {
        public int Gathered { get; private set; }

        public int Count => inner.Count;

        public Batch Gather(ReadOnlySpan<int> indices)
        {
            Gathered += indices.Length;
            return inner.Gather(indices);
        }
    }
}
