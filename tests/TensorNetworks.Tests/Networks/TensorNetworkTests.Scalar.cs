using TensorNetworks;
using TensorNetworks.Tests.Einsum;

namespace TensorNetworks.Tests.Networks;

public sealed partial class TensorNetworkTests
{
    private static TensorNetwork ClosedHyperedge(Generator g, out Tensor x, out Tensor y, out Tensor z)
    {
        x = R(g, 4);
        y = R(g, 4);
        z = R(g, 4);
        var net = new TensorNetwork();
        net.Add("X", x, "r");
        net.Add("Y", y, "r");
        net.Add("Z", z, "r");
        return net;
    }

    [Fact]
    public void Contract_OfAClosedHyperedgeNamesTheExplicitScalarCall()
    {
        var net = ClosedHyperedge(new Generator(16), out _, out _, out _);
        var e = Assert.Throws<ArgumentException>(() => net.Contract());
        Assert.Contains("ContractToScalar()", e.Message);
        Assert.DoesNotContain("Contract())", e.Message);
    }

    [Fact]
    public void Contract_WithAHyperedgeAndOpenLegsSuggestsTheLegsAndTheScalar()
    {
        var net = NetworkBuilder.Cp(new Generator(17), [2, 3, 4], rank: 2);
        var e = Assert.Throws<ArgumentException>(() => net.Contract());
        Assert.Contains("Contract(\"p0\", \"p1\", \"p2\")", e.Message);
        Assert.Contains("ContractToScalar()", e.Message);
    }

    [Fact]
    public void Describe_OfAClosedHyperedgeDescribesTheScalarContraction()
    {
        var net = ClosedHyperedge(new Generator(18), out _, out _, out _);
        string d = net.Describe();
        Assert.Contains("Hyperedge legs (1): r=4 (X-Y-Z)", d);
        Assert.Contains("contraction to a scalar", d);
        Assert.Contains("FLOPs", d);
    }

    [Fact]
    public void Describe_SaysWhenTheDefaultOutputIsAmbiguous()
    {
        string d = NetworkBuilder.Cp(new Generator(19), [2, 3, 4], rank: 2).Describe();
        Assert.Contains("default output is ambiguous", d);
        Assert.Contains("contraction to open legs", d);
        Assert.DoesNotContain("ambiguous", NetworkBuilder.TensorTrain(new Generator(19), [2, 3], bondDim: 2).Describe());
    }

    [Fact]
    public void ContractToScalar_SumsAHyperedgeAndIsDifferentiable()
    {
        var net = ClosedHyperedge(new Generator(21), out Tensor x, out Tensor y, out Tensor z);
        x.RequiresGrad = true;
        Tensor s = net.ContractToScalar();
        Assert.Equal(0, s.Order);
        Assert.Equal((x * y * z).Sum().Item(), s.Item(), 12);
        s.Backward();
        EinsumTests.AssertClose((y * z).ToArray<double>(), x.Grad!.ToArray<double>(), 1e-12, "dS/dx");
    }

    [Fact]
    public void ContractToScalar_SumsOpenLegsToo()
    {
        var cp = NetworkBuilder.Cp(new Generator(22), [2, 3, 4], rank: 2);
        Assert.Equal(cp.Contract("p0", "p1", "p2").Sum().Item(), cp.ContractToScalar().Item(), 12);
    }

    [Fact]
    public void PlanToScalar_PlansTheClosedHyperedge()
    {
        var net = ClosedHyperedge(new Generator(23), out _, out _, out _);
        ContractionPlan plan = net.PlanToScalar();
        Assert.Empty(plan.Output);
        Assert.Equal(2, plan.Steps.Count);
        Assert.Contains("PlanToScalar()", Assert.Throws<ArgumentException>(() => net.Plan()).Message);
    }

    [Fact]
    public void ContractCores_WithAHyperedgeInsideSuggestsNamingTheLegs()
    {
        var net = NetworkBuilder.Cp(new Generator(24), [2, 3, 4], rank: 2);
        net.Add("W", R(new Generator(25), 2), "p0");
        var e = Assert.Throws<ArgumentException>(() => net.ContractCores(["U0", "U1", "U2"]));
        Assert.Contains("ContractCores([...], \"p0\", \"p1\", \"p2\")", e.Message);
    }

    [Fact]
    public void EnvironmentGradient_OfACoreWithoutLegsIsTheScalarOfTheRest()
    {
        var net = ClosedHyperedge(new Generator(26), out Tensor x, out Tensor y, out Tensor z);
        net.Add("S", TN.Scalar(2.0, DType.Float64));
        Tensor g = net.EnvironmentGradient("S", TN.Scalar(1.0, DType.Float64));
        Assert.Equal((x * y * z).Sum().Item(), g.Item(), 12);
    }
}
