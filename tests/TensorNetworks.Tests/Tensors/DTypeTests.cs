namespace TensorNetworks.Tests.Tensors;

public sealed class DTypeTests
{
    [Fact]
    public void Facts_MatchIeee754()
    {
        Assert.Equal((4, 8), (DType.Float32.ElementSize(), DType.Float64.ElementSize()));
        Assert.Equal(Math.ScaleB(1.0, -23), DType.Float32.MachineEpsilon());
        Assert.Equal(Math.ScaleB(1.0, -52), DType.Float64.MachineEpsilon());
        Assert.Equal(1f, 1f + (float)DType.Float32.MachineEpsilon() / 2);
        Assert.Equal(1.17549435e-38f, (float)DType.Float32.SmallestNormal());
        Assert.True(float.IsNormal((float)DType.Float32.SmallestNormal()) && !float.IsNormal((float)DType.Float32.SmallestNormal() / 2));
        Assert.True(double.IsNormal(DType.Float64.SmallestNormal()) && !double.IsNormal(DType.Float64.SmallestNormal() / 2));
    }
}
