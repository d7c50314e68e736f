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

    [Fact]
    public void Create_WritesStraightIntoANewTensorOfTheGivenShape()
    {
        ReadOnlySpan<byte> bytes = [0, 51, 102, 153, 204, 255];
        Tensor x = TN.Create<float, ReadOnlySpan<byte>>([2, 3], bytes, static (values, source) =>
        {
            for (int i = 0; i < values.Length; i++) values[i] = source[i] / 255f;
        });
        Assert.Equal(DType.Float32, x.DType);
        Assert.Equal([2, 3], x.Shape.ToArray());
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f], x.ToArray<float>());
    }

    [Fact]
    public void Create_OfDoubles_FillsEveryElementOfAPooledTensor()
    {
        Tensor x = TN.Create<double, double>([300, 1000], 0.5, static (values, step) =>
        {
            for (int i = 0; i < values.Length; i++) values[i] = i * step;
        });
        Assert.Equal(DType.Float64, x.DType);
        Assert.Equal(Enumerable.Range(0, 300_000).Select(i => i * 0.5), x.ToArray<double>());
    }

    [Fact]
    public void Create_RefusesOtherElementTypesNegativeExtentsAndNullArguments()
    {
        Assert.Contains("Int32", Assert.Throws<NotSupportedException>(() => TN.Create<int, int>([2], 0, static (_, _) => { })).Message);
        Assert.Throws<ArgumentException>(() => TN.Create<float, int>([2, -1], 0, static (_, _) => { }));
        Assert.Throws<ArgumentNullException>(() => TN.Create<float, int>(null!, 0, static (_, _) => { }));
        Assert.Throws<ArgumentNullException>(() => TN.Create<float, int>([2], 0, null!));
    }

    [Fact]
    public void Tensor_FromRectangularArraysIsRowMajor()
    {
        Tensor f = TN.Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([2, 3], f.Shape.ToArray());
        Assert.Equal([1f, 2, 3, 4, 5, 6], f.ToArray<float>());
        Tensor d = TN.Tensor(new double[,] { { 1.5 }, { -2 } });
        Assert.Equal([2, 1], d.Shape.ToArray());
        Assert.Equal([1.5, -2], d.ToArray<double>());
        Assert.Equal([0, 3], TN.Tensor(new double[0, 3]).Shape.ToArray());
        Assert.Throws<ArgumentNullException>(() => TN.Tensor((float[,])null!));
    }

    [Fact]
    public void Tensor_FromALargeArrayCopiesEveryElement()
    {
        float[] values = [.. Enumerable.Range(0, 300_001).Select(i => i * 0.25f)];
        Tensor x = TN.Tensor(values, 300_001);
        values[7] = -1;
        Assert.Equal(Enumerable.Range(0, 300_001).Select(i => i * 0.25f), x.ToArray<float>());
    }
}
