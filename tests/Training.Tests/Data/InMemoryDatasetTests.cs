using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class InMemoryDatasetTests
{
    private static InMemoryDataset Rows(int n) => new(
        TN.Arange(2 * n).Reshape(n, 2),
        targets: TN.Arange(n, DType.Float64).Reshape(n, 1),
        labels: [.. Enumerable.Range(0, n).Select(i => 100 + i)]);

    [Fact]
    public void Gather_CopiesTheRowsInTheGivenOrder()
    {
        Batch batch = Rows(5).Gather([3, 0, 3]);

        Assert.Equal(3, batch.Count);
        Assert.Equal([6f, 7, 0, 1, 6, 7], batch.Inputs.ToArray<float>());
        Assert.Equal([3.0, 0, 3], batch.Targets!.ToArray<double>());
        Assert.Equal([103, 100, 103], batch.Labels!);
    }

    [Fact]
    public void Gather_DoesNotRecordForAutodiff()
    {
        var data = new InMemoryDataset(TN.Ones(4, 3).RequiringGrad());

        Assert.False(data.Gather([1, 2]).Inputs.RequiresGrad);
    }

    [Fact]
    public void Gather_ThrowsForIndexOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rows(4).Gather([1, -1]));

        Assert.Contains("index -1 at position 1", e.Message);
        Assert.Contains("[0, 4)", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedTargets()
    {
        var e = Assert.Throws<ArgumentException>(() => new InMemoryDataset(TN.Zeros(4, 2), targets: TN.Zeros(3, 1)));

        Assert.Contains("[3, 1]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedLabels()
    {
        var e = Assert.Throws<ArgumentException>(() => new InMemoryDataset(TN.Zeros(4, 2), labels: [1, 2]));

        Assert.Contains("2 labels", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForScalarInputs()
    {
        Assert.Throws<ArgumentException>(() => new InMemoryDataset(TN.Scalar(1)));
    }

    [Fact]
    public void Constructor_CopiesTheLabels()
    {
        int[] labels = [1, 2];
        var data = new InMemoryDataset(TN.Zeros(2), labels: labels);
        labels[0] = 9;

        Assert.Equal([1, 2], data.Labels);
    }
}
