using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class EpochOrderTests
{
    [Fact]
    public void Shuffled_IsAPermutation()
    {
        int[] order = EpochOrder.Shuffled(1000, seed: 5, epoch: 3);

        Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), order);
    }

    [Fact]
    public void Shuffled_DependsOnlyOnSeedAndEpoch()
    {
        Assert.Equal(EpochOrder.Shuffled(50, 1, 4), EpochOrder.Shuffled(50, 1, 4));
        Assert.NotEqual(EpochOrder.Shuffled(50, 1, 4), EpochOrder.Shuffled(50, 1, 5));
        Assert.NotEqual(EpochOrder.Shuffled(50, 1, 4), EpochOrder.Shuffled(50, 2, 4));
    }

    [Fact]
    public void Shuffled_PlacesEachElementUniformly()
    {
        const int n = 4, trials = 4000;
        var counts = new int[n, n];
        for (int t = 0; t < trials; t++)
        {
            int[] order = EpochOrder.Shuffled(n, new Generator((ulong)t));
            for (int position = 0; position < n; position++) counts[order[position], position]++;
        }
        foreach (int c in counts) Assert.InRange(c, trials / n - 120, trials / n + 120);
    }

    [Fact]
    public void EpochSeed_DiffersForSwappedSeedAndEpoch()
    {
        Assert.NotEqual(EpochOrder.EpochSeed(1, 2), EpochOrder.EpochSeed(2, 1));
        Assert.NotEqual(EpochOrder.EpochSeed(0, 0), EpochOrder.EpochSeed(0, 1));
    }
}
