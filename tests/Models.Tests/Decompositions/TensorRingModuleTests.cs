using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TensorRingModuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_RecoversACoreWhenTheOthersAreExact(int k)
    {
        TensorRing planted = TensorRing.Random(new Generator(1), [4, 5, 6], [2, 3, 2, 2]);
        Tensor[] cores = [.. planted.Cores];
        cores[k] = TN.Randn(new Generator(2), DType.Float64, cores[k].Shape.ToArray());
        var module = new TensorRingModule(new TensorRing(cores));
        Tensor target = planted.ToDense();
        using (TN.NoGrad()) module.Solve(k, TensorRingModule.CyclicUnfolding(target, k));
        Close(target, module.ToRing().ToDense(), 1e-10);
    }

    [Fact]
    public void CyclicUnfolding_StartsAtModeK_AndWrapsAround()
    {
        Tensor t = TN.Randn(new Generator(3), DType.Float64, 2, 3, 4);
        Tensor unfolding = TensorRingModule.CyclicUnfolding(t, 1);
        Assert.Equal([4 * 2, 3], unfolding.Shape.ToArray());
        Assert.Equal(t[1, 2, 3], unfolding[3 * 2 + 1, 2]);
    }

    [Fact]
    public void Parameters_AreTheCores_NamedByPosition()
    {
        var module = new TensorRingModule(TensorRing.Random(new Generator(4), [2, 3], [2, 2, 2]));
        Assert.Equal(["G0", "G1"], module.NamedParameters().Select(p => p.Key));
        Assert.Equal(8 + 12, module.ParameterCount);
    }
}
