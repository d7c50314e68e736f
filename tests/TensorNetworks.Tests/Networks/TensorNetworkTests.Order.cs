using TensorNetworks;
using TensorNetworks.Tests.Einsum;

namespace TensorNetworks.Tests.Networks;

public sealed partial class TensorNetworkTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void Canonicalize_KeepsEachCoresLegOrderAndTheOrderOfCores(int center)
    {
        var tt = NetworkBuilder.TensorTrain(new Generator(5), [2, 3, 2, 2], bondDim: 3);
        string[] names = [.. tt.Cores.Select(c => c.Name)];
        string[][] legs = [.. tt.Cores.Select(c => c.Legs.ToArray())];
        string[] owners = [.. tt.Legs.Select(l => $"{l.Name}:{string.Join("-", l.Owners)}")];
        Tensor before = tt.Contract();

        tt.Canonicalize(["A0", "A1", "A2", "A3"], center);

        Assert.Equal(names, tt.Cores.Select(c => c.Name));
        for (int k = 0; k < names.Length; k++) Assert.Equal(legs[k], tt.Cores[k].Legs);
        Assert.Equal(owners, tt.Legs.Select(l => $"{l.Name}:{string.Join("-", l.Owners)}"));
        EinsumTests.AssertClose(before.ToArray<double>(), tt.Contract().ToArray<double>(), 1e-10, "canonical");
    }

    [Fact]
    public void ConnectAndRenameLeg_KeepTheOrderOfLegs()
    {
        var g = new Generator(7);
        var net = new TensorNetwork();
        net.Add("A", TN.Randn(g, DType.Float64, 2, 3), "i", "x");
        net.Add("B", TN.Randn(g, DType.Float64, 3, 4), "y", "j");
        net.Connect("B", "y", "A", "x");
        Assert.Equal(["i", "j"], net.OpenLegs);
        Assert.Equal(["i", "y", "j"], net.Legs.Select(l => l.Name));
        Assert.Equal([2, 4], net.Contract().Shape.ToArray());

        net.RenameLeg("A", "i", "k");
        Assert.Equal(["k", "y", "j"], net.Legs.Select(l => l.Name));
        Assert.Throws<ArgumentException>(() => net.SizeOf("i"));
        Assert.Equal(2, net.SizeOf("k"));
    }

    [Fact]
    public void OpenLegs_KeepTheOrderOfFirstAppearanceAfterMergeThenAdd()
    {
        var g = new Generator(13);
        var tt = NetworkBuilder.TensorTrain(g, [2, 3, 2, 2], bondDim: 3);
        tt.Merge("A1", "A2", "A12");
        tt.Add("X", R(g, 5), "x");
        Assert.Equal(["p0", "p1", "p2", "p3", "x"], tt.OpenLegs);
        Assert.Equal([2, 3, 2, 2, 5], tt.Contract().Shape.ToArray());
    }

    [Fact]
    public void Split_PutsItsCoresInPlaceOfTheSplitCore()
    {
        var tt = NetworkBuilder.TensorTrain(new Generator(14), [2, 3, 2, 2], bondDim: 3);
        tt.Merge("A1", "A2", "A12");
        tt.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(BondName: "b1-2", LeftName: "A1", RightName: "A2"));
        Assert.Equal(["A0", "A1", "A2", "A3"], tt.Cores.Select(c => c.Name));
        Assert.Equal(["b0-1", "p1", "b1-2"], tt["A1"].Legs);
        Assert.Equal(["b1-2", "p2", "b2-3"], tt["A2"].Legs);
        Assert.Equal(["p0", "p1", "p2", "p3"], tt.OpenLegs);
    }
}
