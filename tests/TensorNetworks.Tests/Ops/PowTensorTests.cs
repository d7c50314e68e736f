using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class PowTensorTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void PowTensor_BroadcastsLikeMathPow(DType dtype)
    {
        Tensor x = (Reference.Randn(3, dtype, 3, 1).Abs() + 0.1);
        Tensor y = Reference.Randn(4, dtype, 4);
        Tensor z = x.Pow(y);
        Assert.Equal(new Shape(3, 4), z.Shape);
        double[] xs = x.ToArray<double>(), ys = y.ToArray<double>();
        double[] expected = [.. Enumerable.Range(0, 12).Select(i => Math.Pow(xs[i / 4], ys[i % 4]))];
        Reference.Close(expected, z, 4 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void PowTensor_ExponentGradientIsZeroAtZeroBase()
    {
        var x = TN.Tensor(new[] { 0.0, 2.0 }).RequiringGrad();
        var y = TN.Tensor(new[] { 2.0, 3.0 }).RequiringGrad();
        x.Pow(y).Sum().Backward();
        Assert.Equal([0.0, 8 * Math.Log(2)], y.Grad!.ToArray<double>());
        Assert.Equal([0.0, 12.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void PowTensor_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).Pow(TN.Ones(DType.Float64, 2)));
        Assert.Contains("Pow", e.Message);
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
    }

    [Fact]
    public void PowTensor_ThrowsForShapesThatDoNotBroadcast()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Pow(TN.Ones(4)));
        Assert.Contains("Pow", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }
}
