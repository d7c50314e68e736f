using TensorNetworks;
using TensorNetworks.Tests.Einsum;

namespace TensorNetworks.Tests.Networks;

public sealed partial class TensorNetworkTests
{
    private static Tensor R(Generator g, params int[] shape) => TN.Randn(g, DType.Float64, shape);

    [Fact]
    public void Contract_CpNetworkEqualsEinsum()
    {
        var g = new Generator(1);
        Tensor a = R(g, 3, 2), b = R(g, 4, 2), c = R(g, 5, 2);
        var net = new TensorNetwork();
        net.Add("A", a, "i", "r");
        net.Add("B", b, "j", "r");
        net.Add("C", c, "k", "r");
        Tensor viaNet = net.Contract("i", "j", "k");
        Tensor viaEinsum = TN.Einsum("ir,jr,kr->ijk", a, b, c);
        EinsumTests.AssertClose(viaEinsum.ToArray<double>(), viaNet.ToArray<double>(), 1e-12, "CP");
        Assert.Equal(LegKind.Hyperedge, net.Legs.Single(l => l.Name == "r").Kind);
    }

    [Fact]
    public void Contract_DefaultsToOpenLegsInOrderOfAppearance()
    {
        var g = new Generator(2);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 4], bondDim: 2);
        Tensor t = mps.Contract();
        Assert.Equal([2, 3, 4], t.Shape.ToArray());
        Assert.Equal(["p0", "p1", "p2"], mps.OpenLegs);
    }

    [Fact]
    public void Contract_OfASubsetKeepsLegsToTheRest()
    {
        var g = new Generator(3);
        var mps = NetworkBuilder.TensorTrain(g, [2, 2, 2, 2], bondDim: 3);
        Tensor block = mps.ContractCores(["A1", "A2"]);
        Assert.Equal([3, 2, 2, 3], block.Shape.ToArray());
    }

    [Fact]
    public void Contract_RefusesImplicitOutputWithAHyperedge()
    {
        var net = NetworkBuilder.Cp(new Generator(4), [2, 3, 4], rank: 2);
        var e = Assert.Throws<ArgumentException>(() => net.Contract());
        Assert.Contains("hyperedge", e.Message);
        Assert.Contains("\"r\"", e.Message);
    }

    [Fact]
    public void Contract_RejectsAnUnknownLeg()
    {
        var mps = NetworkBuilder.TensorTrain(new Generator(5), [2, 2], bondDim: 2);
        var e = Assert.Throws<ArgumentException>(() => mps.Contract("p0", "p7"));
        Assert.Contains("\"p7\"", e.Message);
    }

    [Fact]
    public void Add_RejectsALegWithAnotherSizeNamingBothCores()
    {
        var net = new TensorNetwork();
        net.Add("A2", TN.Ones(4, 16), "p2", "b3");
        var e = Assert.Throws<ArgumentException>(() => net.Add("A3", TN.Ones(32, 4), "b3", "p3"));
        Assert.Contains("\"b3\"", e.Message);
        Assert.Contains("32", e.Message);
        Assert.Contains("16 on core A2", e.Message);
    }

    [Fact]
    public void Add_RejectsWrongLegCountAndDuplicateNames()
    {
        var net = new TensorNetwork();
        net.Add("A", TN.Ones(2, 2), "i", "j");
        Assert.Throws<ArgumentException>(() => net.Add("A", TN.Ones(2), "k"));
        Assert.Throws<ArgumentException>(() => net.Add("B", TN.Ones(2, 2), "k"));
        Assert.Throws<ArgumentException>(() => net.Add("C", TN.Ones(2, 2), "k", "k"));
    }

    [Fact]
    public void Connect_JoinsOpenLegsAndRefusesDifferentSizes()
    {
        var net = new TensorNetwork();
        net.Add("A", TN.Ones(2, 3), "i", "x");
        net.Add("B", TN.Ones(3, 4), "y", "k");
        net.Add("C", TN.Ones(5), "z");
        net.Connect("A", "x", "B", "y");
        Assert.Equal(LegKind.Edge, net.Legs.Single(l => l.Name == "x").Kind);
        var e = Assert.Throws<ArgumentException>(() => net.Connect("A", "i", "C", "z"));
        Assert.Contains("size 2", e.Message);
        Assert.Contains("size 5", e.Message);
    }

    [Fact]
    public void Merge_ThenContractEqualsOriginalContraction()
    {
        var g = new Generator(6);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 2, 3], bondDim: 3);
        Tensor before = mps.Contract();
        mps.Merge("A1", "A2", "A12");
        Assert.Equal(["A0", "A12", "A3"], mps.Cores.Select(c => c.Name));
        Assert.Equal(["b0-1", "p1", "p2", "b2-3"], mps["A12"].Legs);
        EinsumTests.AssertClose(before.ToArray<double>(), mps.Contract().ToArray<double>(), 1e-12, "merge");
    }

    [Fact]
    public void Split_WithoutTruncationIsExact()
    {
        var g = new Generator(7);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 2, 3], bondDim: 3);
        Tensor before = mps.Contract();
        mps.Merge("A1", "A2", "A12");
        SplitReport r = mps.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(BondName: "b1-2", LeftName: "A1", RightName: "A2"));
        Assert.Equal(0, r.DiscardedWeight, 12);
        Assert.Equal(3, r.KeptRank); // the 9×6 merged core has rank 3; its other three values are rounding noise
        Assert.True(r.SingularValues[3] < 1e-13 * r.SingularValues[0], $"{r.SingularValues[3]}");
        Assert.Equal(["A0", "A1", "A2", "A3"], mps.Cores.Select(c => c.Name));
        EinsumTests.AssertClose(before.ToArray<double>(), mps.Contract().ToArray<double>(), 1e-10, "split");
    }

    [Fact]
    public void Split_InFloat32KeepsTheNumericalRank()
    {
        var mps = NetworkBuilder.TensorTrain(new Generator(9), [2, 3, 2, 3], bondDim: 3);
        mps.SetTensors(mps.Cores.ToDictionary(c => c.Name, c => c.Tensor.To(DType.Float32)));
        Tensor before = mps.Contract();
        mps.Merge("A1", "A2", "A12");
        SplitReport r = mps.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(BondName: "b1-2"));
        Assert.Equal(3, r.KeptRank);
        EinsumTests.AssertClose(before.ToArray<double>(), mps.Contract().ToArray<double>(), 1e-5, "float32 split");
    }

    [Fact]
    public void Split_LaysTheNewCoresOutInTheRequestedLegOrder()
    {
        var g = new Generator(8);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 2, 3], bondDim: 3);
        Tensor before = mps.Contract();
        mps.Merge("A1", "A2", "A12");
        mps.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(BondName: "b1-2", LeftName: "A1", RightName: "A2",
            LeftOrder: ["p1", "b1-2", "b0-1"], RightOrder: ["p2", "b2-3", "b1-2"]));
        Assert.Equal(["p1", "b1-2", "b0-1"], mps["A1"].Legs);
        Assert.Equal([3, mps.SizeOf("b1-2"), 3], mps["A1"].Tensor.Shape.ToArray()); // p1, the new bond, b0-1
        Assert.Equal(["p2", "b2-3", "b1-2"], mps["A2"].Legs);
        EinsumTests.AssertClose(before.ToArray<double>(), mps.Contract().ToArray<double>(), 1e-10, "split in another order");

        mps.Merge("A1", "A2", "A12");
        var e = Assert.Throws<ArgumentException>(() => mps.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(LeftOrder: ["p1", "b0-1"])));
        Assert.Contains("LeftOrder [p1, b0-1] must list each of the core's legs [b0-1, p1, A12-bond] once", e.Message);
        Assert.Contains("A12", mps.Cores.Select(c => c.Name));
    }

    [Fact]
    public void Split_TruncatesToMaxRankAndReportsTheDiscardedWeight()
    {
        var g = new Generator(8);
        var net = new TensorNetwork();
        net.Add("M", R(g, 6, 5), "i", "j");
        Tensor full = net.Contract("i", "j");
        SplitReport r = net.Split("M", ["i"], ["j"], new SplitOptions(MaxRank: 2));
        Assert.Equal(2, r.KeptRank);
        double[] s = r.SingularValues;
        double expected = (s[2] * s[2] + s[3] * s[3] + s[4] * s[4]) / s.Sum(x => x * x);
        Assert.Equal(expected, r.DiscardedWeight, 10);
        Tensor diff = net.Contract("i", "j") - full;
        double err2 = (diff * diff).Sum().Item() / (full * full).Sum().Item();
        Assert.Equal(expected, err2, 8);
    }

    [Fact]
    public void Split_CutoffKeepsTheSmallestSufficientRank()
    {
        var g = new Generator(9);
        Tensor u = R(g, 8, 2), v = R(g, 2, 8);
        var net = new TensorNetwork();
        net.Add("M", TN.MatMul(u, v) + R(g, 8, 8) * 1e-6, "i", "j");
        SplitReport r = net.Split("M", ["i"], ["j"], new SplitOptions(Cutoff: 1e-8));
        Assert.Equal(2, r.KeptRank);
    }

    [Fact]
    public void Split_RejectsLegsThatDoNotPartitionTheCore()
    {
        var net = new TensorNetwork();
        net.Add("M", TN.Ones(DType.Float64, 2, 3, 4), "i", "j", "k");
        Assert.Throws<ArgumentException>(() => net.Split("M", ["i"], ["j"]));
        Assert.Throws<ArgumentException>(() => net.Split("M", ["i", "j"], ["j", "k"]));
        Assert.Throws<ArgumentException>(() => net.Split("M", ["i"], ["j", "k"], new SplitOptions(MaxRank: 0)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Canonicalize_MakesCoresOrthonormalAndKeepsTheTensor(int center)
    {
        var g = new Generator(10);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 2, 3, 2], bondDim: 4);
        Tensor before = mps.Contract();
        string[] chain = ["A0", "A1", "A2", "A3", "A4"];
        mps.Canonicalize(chain, center);
        EinsumTests.AssertClose(before.ToArray<double>(), mps.Contract().ToArray<double>(), 1e-10, "canonical");
        string[] bonds = mps.ChainBonds(chain);
        for (int k = 0; k < chain.Length; k++)
        {
            if (k == center) continue;
            Core c = mps[chain[k]];
            string bond = k < center ? bonds[k] : bonds[k - 1];
            var gram = new TensorNetwork();
            gram.Add("X", c.Tensor, [.. c.Legs.Select(l => l == bond ? "left" : l)]);
            gram.Add("Y", c.Tensor, [.. c.Legs.Select(l => l == bond ? "right" : l)]);
            Tensor identity = gram.Contract("left", "right");
            EinsumTests.AssertClose(TN.Eye(identity.Size(0), dtype: DType.Float64).ToArray<double>(), identity.ToArray<double>(), 1e-10, $"core {k}");
        }
    }

    [Fact]
    public void Canonicalize_RejectsANonChain()
    {
        var grid = NetworkBuilder.PepsGrid(new Generator(11), 2, 2, physicalDim: 2, bondDim: 2);
        var e = Assert.Throws<ArgumentException>(() => grid.Canonicalize(["A0", "A3"], 0));
        Assert.Contains("Not a chain", e.Message);
        var mps = NetworkBuilder.TensorTrain(new Generator(12), [2, 2, 2], bondDim: 2);
        var repeated = Assert.Throws<ArgumentException>(() => mps.Canonicalize(["A0", "A1", "A0"], 0));
        Assert.Contains("core A0 appears more than once in [A0, A1, A0]", repeated.Message);
    }

    [Theory]
    [InlineData("TtMatrix")]
    [InlineData("TensorRing")]
    [InlineData("BinaryTree")]
    public void Builders_RejectANonPositiveBondDimension(string builder)
    {
        foreach (int bondDim in new[] { 0, -1 })
        {
            var g = new Generator(13);
            var e = Assert.Throws<ArgumentException>(() => builder switch
            {
                "TtMatrix" => NetworkBuilder.TtMatrix(g, [2, 2], [2, 2], bondDim),
                "TensorRing" => NetworkBuilder.TensorRing(g, [2, 2], bondDim),
                _ => NetworkBuilder.BinaryTree(g, [2, 2], bondDim),
            });
            Assert.Contains($"bondDim = {bondDim}; sizes must be positive", e.Message);
        }
    }

    [Fact]
    public void Describe_AndToDotNameCoresLegsAndCost()
    {
        var net = NetworkBuilder.Cp(new Generator(12), [2, 3, 4], rank: 2);
        string d = net.Describe();
        Assert.Contains("U0[p0=2, r=2]", d);
        Assert.Contains("Hyperedge legs (1): r=2 (U0-U1-U2)", d);
        Assert.Contains("FLOPs", d);
        string dot = net.ToDot();
        Assert.StartsWith("graph tn {", dot);
        Assert.Contains("\"hyper:r\"", dot);
    }
}
