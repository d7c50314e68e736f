using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

public sealed class CreationTests
{
    [Theory]
    [InlineData(0, new double[] { })]
    [InlineData(1, new double[] { 2 })]
    [InlineData(2, new double[] { 2, 3 })]
    [InlineData(5, new double[] { 2, 2.25, 2.5, 2.75, 3 })]
    public void Linspace_MatchesNumPy(int steps, double[] expected)
    {
        // numpy.linspace(2, 3, steps): one step gives the start, not the end.
        Tensor t = TN.Linspace(2, 3, steps, DType.Float64);
        Assert.Equal([steps], t.Shape.ToArray());
        Assert.Equal(expected, t.ToArray<double>());
    }

    [Fact]
    public void Linspace_EndsExactlyAtTheEnd_AndRefusesNegativeSteps()
    {
        Assert.Equal(0.3, TN.Linspace(0.1, 0.3, 7, DType.Float64).ToArray<double>()[^1]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linspace(0, 1, -1));
        Assert.Contains("steps >= 0", e.Message);
    }

    [Fact]
    public void Arange_CountsLikeNumPy()
    {
        Assert.Equal([0.0, 0.5, 1.0, 1.5], TN.Arange(0, 2, 0.5, DType.Float64).ToArray<double>());
        Assert.Equal([3.0, 2.0, 1.0], TN.Arange(3, 0, -1, DType.Float64).ToArray<double>());
        Assert.Empty(TN.Arange(1, 1, 1, DType.Float64).ToArray<double>());
    }

    [Fact]
    public void Eye_AndFull_HoldTheirValues()
    {
        Assert.Equal([1.0, 0, 0, 0, 1, 0], TN.Eye(2, 3, DType.Float64).ToArray<double>());
        Assert.Equal([7.0, 7, 7, 7], TN.Full(7, DType.Float64, 2, 2).ToArray<double>());
    }
}
