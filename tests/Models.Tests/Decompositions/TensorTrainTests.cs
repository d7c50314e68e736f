using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TensorTrainTests
{
    private static TensorTrain Planted(ulong seed = 1) => TensorTrain.Random(new Generator(seed), [5, 6, 7, 6], [1, 3, 4, 3, 1]);

    [Fact]
    public void Properties_DescribeTheFormat()
    {
        TensorTrain tt = Planted();
        Assert.Equal([5, 6, 7, 6], tt.Shape.ToArray());
        Assert.Equal([1, 3, 4, 3, 1], tt.Ranks);
        Assert.Equal(4, tt.Order);
        Assert.Equal(DType.Float64, tt.DType);
        Assert.Equal(15 + 72 + 84 + 18, tt.ParameterCount);
        Assert.Equal(5.0 * 6 * 7 * 6 / 189, tt.CompressionRatio, 12);
    }

    [Fact]
    public void Indexer_MatchesDenseEntries()
    {
        TensorTrain tt = Planted();
        Tensor dense = tt.ToDense();
        var gen = new Generator(9);
        for (int t = 0; t < 20; t++)
        {
            int[] i = [gen.NextInt(5), gen.NextInt(6), gen.NextInt(7), gen.NextInt(6)];
            Close(dense[i], tt[i], 1e-12);
        }
    }

    [Fact]
    public void ToDense_MatchesSliceProductsWrittenOut()
    {
        var a = TN.Tensor(new double[] { 1, 2, 3, 4 }, 1, 2, 2);
        var b = TN.Tensor(new double[] { 5, 6, 7, 8, 9, 10 }, 2, 3, 1);
        Tensor dense = new TensorTrain([a, b]).ToDense();
        Assert.Equal([2, 3], dense.Shape.ToArray());
        Assert.Equal(1 * 5 + 2 * 8, dense[0, 0]);
        Assert.Equal(3 * 7 + 4 * 10, dense[1, 2]);
    }

    [Fact]
    public void ToNetwork_ContractsToTheDenseTensor_WithBuilderConventions()
    {
        TensorTrain tt = Planted();
        TensorNetwork net = tt.ToNetwork();
        Assert.Equal(["A0", "A1", "A2", "A3"], net.Cores.Select(c => c.Name));
        Assert.Equal(["p0", "b0-1"], net["A0"].Legs);
        Assert.Equal(["b1-2", "p2", "b2-3"], net["A2"].Legs);
        Assert.Equal(["b2-3", "p3"], net["A3"].Legs);
        Close(tt.ToDense(), net.Contract("p0", "p1", "p2", "p3"), 1e-12);
    }

    [Fact]
    public void FromNetwork_ReadsNetworkBuilderTrains()
    {
        TensorNetwork net = NetworkBuilder.TensorTrain(new Generator(4), [3, 4, 5], [2, 3]);
        TensorTrain tt = TensorTrain.FromNetwork(net);
        Assert.Equal([1, 2, 3, 1], tt.Ranks);
        Close(net.Contract("p0", "p1", "p2"), tt.ToDense(), 1e-12);
        Close(tt.ToDense(), TensorTrain.FromNetwork(tt.ToNetwork()).ToDense(), 0);
    }

    [Fact]
    public void FromNetwork_ThrowsForAnotherTopology()
    {
        TensorNetwork cp = NetworkBuilder.Cp(new Generator(0), [2, 3], rank: 2);
        var e = Assert.Throws<ArgumentException>(() => TensorTrain.FromNetwork(cp));
        Assert.Contains("A0", e.Message);
    }

    [Fact]
    public void NormAndInner_MatchDense()
    {
        TensorTrain a = Planted(1), b = Planted(2);
        Close(a.ToDense().Norm().Item(), a.Norm());
        Close(Dot(a.ToDense(), b.ToDense()), a.Inner(b));
        Close(Dot(a.ToDense(), b.ToDense()), a.Inner(b.ToDense()));
        Assert.Contains("[5, 6, 7]", Assert.Throws<ArgumentException>(() => a.Inner(TN.Zeros(DType.Float64, 5, 6, 7))).Message);
    }

    [Fact]
    public void Operators_MatchDense()
    {
        TensorTrain a = Planted(1), b = Planted(2);
        Close(a.ToDense() + b.ToDense(), (a + b).ToDense());
        Close(a.ToDense() - b.ToDense(), (a - b).ToDense());
        Close(-a.ToDense(), (-a).ToDense());
        Close(a.ToDense() * 2.5, (2.5 * a).ToDense());
        Close(a.ToDense() * -0.5, (a * -0.5).ToDense());
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedRanks_NamingBothCores()
    {
        var gen = new Generator(0);
        var e = Assert.Throws<ArgumentException>(() => new TensorTrain([TN.Randn(gen, DType.Float64, 1, 2, 3), TN.Randn(gen, DType.Float64, 4, 2, 1)]));
        Assert.Contains("core 0 has right rank 3 but core 1 has left rank 4", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForBoundaryRanksOtherThanOne()
    {
        var gen = new Generator(0);
        var e = Assert.Throws<ArgumentException>(() => new TensorTrain([TN.Randn(gen, DType.Float64, 2, 2, 3), TN.Randn(gen, DType.Float64, 3, 2, 2)]));
        Assert.Contains("r_0 = 2 and r_N = 2", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForZeroRank()
    {
        var e = Assert.Throws<ArgumentException>(() => new TensorTrain([TN.Zeros(DType.Float64, 1, 2, 0), TN.Zeros(DType.Float64, 0, 2, 1)]));
        Assert.Contains("[1, 2, 0]", e.Message);
    }

    [Fact]
    public void Random_ThrowsForZeroOrMisplacedRanks()
    {
        var gen = new Generator(0);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => TensorTrain.Random(gen, [2, 3, 4], [1, 0, 2, 1]));
        Assert.Contains("ranks[1] must be at least 1, got 0", zero.Message);
        var length = Assert.Throws<ArgumentException>(() => TensorTrain.Random(gen, [2, 3, 4], [1, 2, 1]));
        Assert.Contains("need 4 ranks", length.Message);
    }

    [Fact]
    public void Random_SameSeedGivesTheSameTrain()
    {
        Assert.Equal(Planted(5).ToDense().ToArray<double>(), Planted(5).ToDense().ToArray<double>());
        Assert.NotEqual(Planted(5).ToDense().ToArray<double>(), Planted(6).ToDense().ToArray<double>());
    }
}
