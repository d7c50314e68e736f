using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class WhereTests
{
    [Theory]
    [InlineData(DType.Float32, 10)]
    [InlineData(DType.Float64, 10)]
    [InlineData(DType.Float32, 70_001)]
    [InlineData(DType.Float64, 70_001)]
    public void Where_SelectsByMask(DType dtype, int n)
    {
        Tensor a = Reference.Randn(1, dtype, n), b = Reference.Randn(2, dtype, n);
        Tensor mask = TN.RandInt(new Generator(3), 2, dtype, n);
        double[] m = mask.ToArray<double>(), av = a.ToArray<double>(), bv = b.ToArray<double>();
        double[] expected = [.. Enumerable.Range(0, n).Select(i => m[i] != 0 ? av[i] : bv[i])];
        Reference.Close(expected, TN.Where(mask, a, b), 0);
    }

    [Fact]
    public void Where_BroadcastsAllThreeOperands()
    {
        var mask = TN.Tensor(new[] { 1.0, 0.0 }, 2, 1);
        var a = TN.Tensor(new[] { 1.0, 2.0, 3.0 });
        var b = TN.Scalar(-1.0, DType.Float64);
        Tensor r = TN.Where(mask, a, b);
        Assert.Equal(new Shape(2, 3), r.Shape);
        Assert.Equal([1.0, 2.0, 3.0, -1.0, -1.0, -1.0], r.ToArray<double>());
    }

    [Fact]
    public void Where_TreatsAnyNonzeroAsTrue()
    {
        var mask = TN.Tensor(new[] { 2.0, -1.0, double.NaN, 0.0, -0.0 });
        Tensor r = TN.Where(mask, TN.Ones(DType.Float64, 5), TN.Zeros(DType.Float64, 5));
        Assert.Equal([1.0, 1.0, 1.0, 0.0, 0.0], r.ToArray<double>());
    }

    [Fact]
    public void Where_AcceptsAMaskOfTheOtherDType()
    {
        var mask = TN.Tensor(new float[] { 0, 1 });
        Tensor r = TN.Where(mask, TN.Tensor(new[] { 1.0, 2.0 }), TN.Tensor(new[] { 3.0, 4.0 }));
        Assert.Equal(DType.Float64, r.DType);
        Assert.Equal([3.0, 2.0], r.ToArray<double>());
    }

    [Fact]
    public void Where_SplitsTheGradientByMask()
    {
        var mask = TN.Tensor(new[] { 1.0, 0.0, 1.0 });
        var a = TN.Tensor(new[] { 1.0, 1.0, 1.0 }).RequiringGrad();
        var b = TN.Scalar(5.0, DType.Float64).RequiringGrad();
        TN.Where(mask, a * 3.0, b).Sum().Backward();
        Assert.Equal([3.0, 0.0, 3.0], a.Grad!.ToArray<double>());
        Assert.Equal(1.0, b.Grad!.Item());
    }

    [Fact]
    public void Where_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Where(TN.Ones(2), TN.Ones(2), TN.Ones(DType.Float64, 2)));
        Assert.Contains("Where", e.Message);
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
    }

    [Fact]
    public void Where_ThrowsWhenTheMaskDoesNotBroadcast()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Where(TN.Ones(3), TN.Ones(2, 4), TN.Ones(2, 4)));
        Assert.Contains("Where", e.Message);
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[2, 4]", e.Message);
    }
}
