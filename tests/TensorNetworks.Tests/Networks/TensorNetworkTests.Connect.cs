using TensorNetworks;

namespace TensorNetworks.Tests.Networks;

public sealed partial class TensorNetworkTests
{
    [Fact]
    public void Connect_RefusesToTurnAnEdgeIntoAHyperedge()
    {
        var net = new TensorNetwork();
        net.Add("A", TN.Ones(2, 3), "i", "r");
        net.Add("C", TN.Ones(3, 4), "r", "t");
        net.Add("B", TN.Ones(3), "j");

        var e = Assert.Throws<ArgumentException>(() => net.Connect("A", "r", "B", "j"));

        Assert.Contains("leg \"r\" of core A", e.Message);
        Assert.Contains("leg \"j\" of core B", e.Message);
        Assert.Contains("A, C", e.Message);
        Assert.Contains("Add(", e.Message);
        Assert.Equal(["A", "C"], net.OwnersOf("r"));
        Assert.Equal(["j"], net["B"].Legs);
    }

    [Fact]
    public void Connect_RefusesToCutAnExistingEdge()
    {
        var net = new TensorNetwork();
        net.Add("A", TN.Ones(2, 3), "i", "r");
        net.Add("B", TN.Ones(3, 4), "s", "k");
        net.Add("C", TN.Ones(3, 5), "s", "t");

        var e = Assert.Throws<ArgumentException>(() => net.Connect("A", "r", "B", "s"));

        Assert.Contains("leg \"s\" of core B", e.Message);
        Assert.Contains("B, C", e.Message);
        Assert.Equal(["B", "C"], net.OwnersOf("s"));
        Assert.Equal(LegKind.Open, net.Legs.Single(l => l.Name == "r").Kind);
    }

    [Fact]
    public void Add_StillBuildsAHyperedgeFromASharedLegName()
    {
        var net = NetworkBuilder.Cp(new Generator(15), [2, 3, 4], rank: 2);
        Assert.Equal(["U0", "U1", "U2"], net.OwnersOf("r"));
        Assert.Equal(LegKind.Hyperedge, net.Legs.Single(l => l.Name == "r").Kind);
    }
}
