using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class AxisViewTests
{
    [Fact]
    public void Squeeze_RemovesEveryUnitAxisAndSharesStorage()
    {
        Tensor x = Naive.Random(new Generator(1), DType.Float64, 1, 3, 1, 2);
        Tensor y = x.Squeeze();
        Assert.Equal(new Shape(3, 2), y.Shape);
        Assert.Same(x.Data, y.Data);
        Assert.Equal(0, TN.Zeros(1, 1).Squeeze().Order);
    }

    [Fact]
    public void Squeeze_AxisRemovesOnlyAUnitAxis()
    {
        Tensor x = TN.Zeros(2, 1, 3);
        Assert.Equal(new Shape(2, 3), x.Squeeze(-2).Shape);
        Assert.Equal(new Shape(2, 1, 3), x.Squeeze(0).Shape);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Squeeze_OfA0dTensorAlongAxis0OrMinus1IsTheTensor(int axis)
    {
        Tensor x = TN.Scalar(2.5, DType.Float64).RequiringGrad();
        Tensor y = x.Squeeze(axis);
        Assert.Empty(y.Dims);
        Assert.Equal(2.5, y.Item());
        (y * 3.0).Backward();
        Assert.Equal(3.0, x.Grad!.Item());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void Squeeze_OfA0dTensorThrowsForOtherAxes(int axis)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Scalar(2.5, DType.Float64).Squeeze(axis));
        Assert.StartsWith($"Squeeze: axis {axis} ", e.Message);
        Assert.Contains("0-d tensor", e.Message);
        Assert.Contains("0 or -1", e.Message);
    }

    [Theory]
    [InlineData(0, new[] { 1, 2, 3 })]
    [InlineData(1, new[] { 2, 1, 3 })]
    [InlineData(2, new[] { 2, 3, 1 })]
    [InlineData(-1, new[] { 2, 3, 1 })]
    [InlineData(-3, new[] { 1, 2, 3 })]
    public void Unsqueeze_InsertsAUnitAxis(int axis, int[] expected)
    {
        Tensor x = TN.Arange(6, DType.Float64).Reshape(2, 3);
        Tensor y = x.Unsqueeze(axis);
        Assert.Equal(new Shape(expected), y.Shape);
        Assert.Equal(x.ToArray<double>(), y.ToArray<double>());
    }

    [Fact]
    public void Unsqueeze_ThrowsForOutOfRangeAxis()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 3).Unsqueeze(3));
        Assert.Contains("axis 3 is out of range for shape [2, 3]", e.Message);
        Assert.Contains("-3..2", e.Message);
    }

    [Fact]
    public void Flatten_MergesTheAxisRange()
    {
        Tensor x = Naive.Random(new Generator(2), DType.Float32, 2, 3, 4, 5);
        Assert.Equal(new Shape(2, 12, 5), x.Flatten(1, 2).Shape);
        Assert.Equal(new Shape(120), x.Flatten().Shape);
        Assert.Equal(new Shape(2, 3, 20), x.Flatten(-2).Shape);
        Assert.Same(x.Data, x.Flatten().Data);
        Assert.Equal(new Shape(1), TN.Scalar(4).Flatten().Shape);
    }

    [Fact]
    public void Flatten_ThrowsWhenStartComesAfterEnd()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3, 4).Flatten(2, 1));
        Assert.Contains("startAxis 2 (axis 2) comes after endAxis 1 (axis 1)", e.Message);
    }

    [Fact]
    public void Views_PassGradientsBackInTheInputShape()
    {
        var x = Naive.Random(new Generator(3), DType.Float64, 2, 1, 3).RequiringGrad();
        (x.Squeeze().Unsqueeze(0).Flatten() * 2.0).Sum().Backward();
        Assert.Equal(new Shape(2, 1, 3), x.Grad!.Shape);
        Assert.All(x.Grad.ToArray<double>(), v => Assert.Equal(2.0, v));
    }
}
