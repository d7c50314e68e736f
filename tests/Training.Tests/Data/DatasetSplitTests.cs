using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class DatasetSplitTests
{
    private static readonly InMemoryDataset Hundred = new(TN.Arange(100), labels: [.. Enumerable.Range(0, 100)]);

    [Fact]
    public void TrainTest_IsDisjointAndComplete()
    {
        var (train, test) = DatasetSplit.TrainTest(Hundred, 0.25, seed: 4);

        Assert.Equal(75, train.Count);
        Assert.Equal(25, test.Count);
        Assert.Empty(train.Indices.Intersect(test.Indices));
        Assert.Equal(Enumerable.Range(0, 100), train.Indices.Concat(test.Indices).Order());
        Assert.Equal(test.Indices, test.Gather([.. Enumerable.Range(0, 25)]).Labels);
    }

    [Fact]
    public void TrainTest_IsSeeded()
    {
        var first = DatasetSplit.TrainTest(Hundred, 0.3, seed: 8);
        var again = DatasetSplit.TrainTest(Hundred, 0.3, seed: 8);
        var other = DatasetSplit.TrainTest(Hundred, 0.3, seed: 9);

        Assert.Equal(first.Test.Indices, again.Test.Indices);
        Assert.NotEqual(first.Test.Indices, other.Test.Indices);
        Assert.NotEqual(Enumerable.Range(70, 30), first.Test.Indices);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TrainTest_ThrowsForFractionOutsideOpenUnitInterval(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplit.TrainTest(Hundred, fraction, 0));
        Assert.Contains("strictly between 0 and 1", e.Message);
    }

    [Fact]
    public void TrainTest_ThrowsWhenAPartWouldBeEmpty()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplit.TrainTest(Hundred, 0.001, 0));
        Assert.Contains("0 test and 100 training", e.Message);
    }
}
