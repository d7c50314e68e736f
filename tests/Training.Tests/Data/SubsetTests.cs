using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class SubsetTests
{
    private static readonly InMemoryDataset Ten = new(TN.Arange(10), labels: [.. Enumerable.Range(0, 10)]);

    [Fact]
    public void Gather_MapsThroughTheSubsetIndices()
    {
        var subset = new Subset(Ten, [7, 2, 9]);

        Batch batch = subset.Gather([2, 0]);

        Assert.Equal(3, subset.Count);
        Assert.Equal([9, 7], batch.Labels!);
        Assert.Equal([9f, 7], batch.Inputs.ToArray<float>());
    }

    [Fact]
    public void Gather_ThrowsForIndexOutsideTheSubset()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Subset(Ten, [1, 2]).Gather([2]));

        Assert.Contains("[0, 2)", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForIndexOutsideTheSource()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Subset(Ten, [3, 10]));

        Assert.Contains("index 10 at position 1", e.Message);
    }

    [Fact]
    public void Subset_OfSubsetComposes()
    {
        var inner = new Subset(new Subset(Ten, [9, 8, 7, 6]), [3, 1]);

        Assert.Equal([6, 8], inner.Gather([0, 1]).Labels!);
    }
}
