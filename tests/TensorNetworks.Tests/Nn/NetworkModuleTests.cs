using TensorNetworks.Nn;

namespace TensorNetworks.Tests.Nn;

public class NetworkModuleTests
{
    [Fact]
    public void Parameters_AreTheCoresAndFeedTheNetwork()
    {
        var module = new NetworkModule(NetworkBuilder.TensorTrain(new Generator(3), [2, 2, 2], bondDim: 2));
        Assert.Equal(["A0", "A1", "A2"], module.NamedParameters().Select(p => p.Key));
        Parameter a1 = module.CoreParameter("A1");
        a1.Value = TN.Zeros(2, 2, 2).To(DType.Float64);
        Assert.Equal(0.0, module.Network.Contract("p0", "p1", "p2").Abs().Sum().Item());
    }

    [Fact]
    public void Gradients_FlowFromTheContractionToTheParameters()
    {
        var module = new NetworkModule(NetworkBuilder.TensorTrain(new Generator(4), [2, 3], bondDim: 2));
        module.Network.Contract("p0", "p1").Pow(2).Sum().Backward();
        Assert.All(module.Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void CoreParameter_ThrowsListingTheCores()
    {
        var module = new NetworkModule(NetworkBuilder.TensorTrain(new Generator(3), [2, 2], bondDim: 2));
        Assert.Contains("A0, A1", Assert.Throws<KeyNotFoundException>(() => module.CoreParameter("B")).Message);
    }
}
