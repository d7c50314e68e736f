using TensorNetworks;

namespace TensorNetworks.Tests.Networks;

public sealed partial class TensorNetworkTests
{
    [Fact]
    public void Plan_PrintsCoreAndLegNames()
    {
        var tt = NetworkBuilder.TensorTrain(new Generator(20), [.. Enumerable.Repeat(2, 40)], bondDim: 2);
        string text = tt.Plan().ToString();
        foreach (Core c in tt.Cores) Assert.Contains($" {c.Name} (", text);
        foreach (Leg l in tt.Legs) Assert.Contains($"{l.Name}={l.Size}", text);
        Assert.DoesNotContain("#0 ", text);
        Assert.DoesNotContain("(L=", text);
    }
}
