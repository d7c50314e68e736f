using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TensorRingTests
{
    private static TensorRing Planted(ulong seed = 1) => TensorRing.Random(new Generator(seed), [3, 4, 5], [2, 3, 2, 2]);

    [Fact]
    public void Properties_DescribeTheFormat()
    {
        TensorRing ring = Planted();
        Assert.Equal([3, 4, 5], ring.Shape.ToArray());
        Assert.Equal([2, 3, 2, 2], ring.Ranks);
        Assert.Equal(18 + 24 + 20, ring.ParameterCount);
        Assert.Equal(60.0 / 62, ring.CompressionRatio, 12);
    }

    [Fact]
    public void ToDense_IsTheTraceOfSliceProducts()
    {
        TensorRing ring = Planted();
        Tensor dense = ring.ToDense();
        int[] i = [2, 1, 4];
        Tensor product = ring.Cores[0].Select(1, i[0]).MatMul(ring.Cores[1].Select(1, i[1])).MatMul(ring.Cores[2].Select(1, i[2]));
        double trace = product[0, 0] + product[1, 1];
        Close(trace, dense[i], 1e-12);
        Close(trace, ring[i], 1e-12);
    }

    [Fact]
    public void ToNetwork_ContractsToTheDenseTensor_AndFromNetworkRoundTrips()
    {
        TensorRing ring = Planted();
        TensorNetwork net = ring.ToNetwork();
        Assert.Equal(["b2-0", "p0", "b0-1"], net["A0"].Legs);
        Assert.Equal(["b1-2", "p2", "b2-0"], net["A2"].Legs);
        Close(ring.ToDense(), net.Contract("p0", "p1", "p2"), 1e-12);
        Close(ring.ToDense(), TensorRing.FromNetwork(net).ToDense(), 0);
    }

    [Fact]
    public void FromNetwork_ReadsNetworkBuilderRings()
    {
        TensorNetwork net = NetworkBuilder.TensorRing(new Generator(2), [3, 4, 5, 2], bondDim: 2);
        TensorRing ring = TensorRing.FromNetwork(net);
        Assert.Equal([2, 2, 2, 2, 2], ring.Ranks);
        Close(net.Contract("p0", "p1", "p2", "p3"), ring.ToDense(), 1e-12);
    }

    [Fact]
    public void NormAndInner_MatchDense()
    {
        TensorRing a = Planted(3), b = TensorRing.Random(new Generator(4), [3, 4, 5], [1, 2, 3, 1]);
        Close(a.ToDense().Norm().Item(), a.Norm());
        Close(Dot(a.ToDense(), b.ToDense()), a.Inner(b));
    }

    [Fact]
    public void Constructor_ThrowsWhenTheRingDoesNotClose()
    {
        var gen = new Generator(5);
        var e = Assert.Throws<ArgumentException>(() => new TensorRing([TN.Randn(gen, DType.Float64, 2, 3, 3), TN.Randn(gen, DType.Float64, 3, 3, 4)]));
        Assert.Contains("right rank 4 but core 0 has left rank 2", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedInnerRanks()
    {
        var gen = new Generator(6);
        var e = Assert.Throws<ArgumentException>(() => new TensorRing([TN.Randn(gen, DType.Float64, 2, 3, 3), TN.Randn(gen, DType.Float64, 4, 3, 2)]));
        Assert.Contains("core 0 has right rank 3 but core 1 has left rank 4", e.Message);
    }

    [Fact]
    public void Random_ThrowsForAnOpenRankList()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorRing.Random(new Generator(0), [3, 4], [2, 3, 1]));
        Assert.Contains("r_0 = 2 and r_2 = 1", e.Message);
    }
}
