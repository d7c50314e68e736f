using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class BroadcastToKeepExtentTests
{
    [Fact]
    public void BroadcastTo_MinusOneKeepsTheExtent()
    {
        Tensor x = TN.Tensor(new[] { 1.0, 2.0 }, 2, 1);
        Tensor r = x.BroadcastTo(-1, 3);
        Assert.Equal(new Shape(2, 3), r.Shape);
        Assert.Equal([1.0, 1, 1, 2, 2, 2], r.ToArray<double>());
        Assert.Equal(new Shape(4, 2, 3), x.BroadcastTo(4, -1, 3).Shape);
        Assert.Equal(new Shape(2, 1), x.BroadcastTo(-1, -1).Shape);
        Assert.Equal(new Shape(0, 5), TN.Zeros(0, 1).BroadcastTo(-1, 5).Shape);
    }

    [Fact]
    public void BroadcastTo_MinusOneKeepsTheGradient()
    {
        Tensor x = TN.Tensor(new[] { 1.0, 2.0 }, 2, 1).RequiringGrad();
        (x.BroadcastTo(-1, 3) * TN.Arange(0, 6, 1, DType.Float64).Reshape(2, 3)).Sum().Backward();
        Assert.Equal([3.0, 12.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void BroadcastTo_RefusesMinusOneOnANewLeadingAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(3).BroadcastTo(-1, 3));
        Assert.Contains("-1 at position 0", e.Message);
        Assert.Contains("new leading axis", e.Message);
        Assert.Contains("negative extent -2", Assert.Throws<ArgumentException>(() => TN.Ones(3).BroadcastTo(-2, 3)).Message);
    }
}
