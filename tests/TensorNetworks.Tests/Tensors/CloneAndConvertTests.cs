using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

/// <summary>
/// <see cref="Tensor.Clone"/>, <see cref="Tensor.To"/>, <see cref="Tensor.ToArray{T}"/> and the in-place updates at sizes that run across the cores (and a
/// small one that does not), compared element by element with a plain loop; the lengths leave a partial last piece.
/// </summary>
public sealed class CloneAndConvertTests
{
    [Theory]
    [InlineData(DType.Float32, 7)]
    [InlineData(DType.Float32, 300_001)]
    [InlineData(DType.Float64, 300_001)]
    public void Clone_CopiesEveryElementIntoNewStorage(DType dtype, int length)
    {
        Tensor x = TN.Randn(new Generator(51), dtype, length);
        Tensor copy = x.Clone();
        Assert.NotEqual(x.StorageId, copy.StorageId);
        Assert.Equal(x.ToArray<double>(), copy.ToArray<double>());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(300_001)]
    public void To_ConvertsEveryElementBothWays(int length)
    {
        Tensor x = TN.Randn(new Generator(52), DType.Float64, length) * 1e3;
        double[] values = x.ToArray<double>();
        float[] narrowed = x.To(DType.Float32).ToArray<float>();
        Assert.Equal(values.Select(v => (float)v), narrowed);
        Assert.Equal(narrowed.Select(v => (double)v), TN.Tensor(narrowed, length).To(DType.Float64).ToArray<double>());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(300_001)]
    public void InPlaceUpdates_MatchAPlainLoopInFloat32(int length)
    {
        var g = new Generator(53);
        float[] x = TN.Randn(g, DType.Float32, length).ToArray<float>(), y = TN.Randn(g, DType.Float32, length).ToArray<float>();
        Tensor target = TN.Tensor(y, length);
        target.AddInPlace(TN.Tensor(x, length), -0.3);
        float[] expected = [.. y.Select((v, i) => v + -0.3f * x[i])];
        Assert.Equal(expected, target.ToArray<float>());
        target.ScaleInPlace(1.7);
        Assert.Equal(expected.Select(v => v * 1.7f), target.ToArray<float>());
        target.CopyFrom(TN.Tensor(x, length));
        Assert.Equal(x, target.ToArray<float>());
    }

    [Fact]
    public void InPlaceUpdates_MatchAPlainLoopInFloat64()
    {
        var g = new Generator(54);
        Tensor target = TN.Randn(g, DType.Float64, 300_001), step = TN.Randn(g, DType.Float64, 300_001);
        double[] y = target.ToArray<double>(), x = step.ToArray<double>();
        target.AddInPlace(step, 2.5);
        target.ScaleInPlace(-0.25);
        Assert.Equal(y.Select((v, i) => (v + 2.5 * x[i]) * -0.25), target.ToArray<double>());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(300_001)]
    public void ToArray_CopiesOrConvertsEveryElement(int length)
    {
        Tensor wide = TN.Randn(new Generator(55), DType.Float64, length) * 1e3;
        double[] values = wide.ToArray<double>();
        Assert.Equal(values.Select(v => (float)v), wide.ToArray<float>());
        Tensor narrow = wide.To(DType.Float32);
        float[] floats = narrow.ToArray<float>();
        Assert.Equal(floats.Select(v => (double)v), narrow.ToArray<double>());
        Assert.Equal(floats.Select(v => (int)v), narrow.ToArray<int>());
    }

    [Fact]
    public void ToArray_OfFloat64BeyondFloat32IsInfinite()
        => Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, 1f], TN.Tensor(new[] { 1e300, -1e300, 1.0 }, 3).ToArray<float>());

    [Fact]
    public void ToArray_OfALargeTensorConvertsToAnyNumberType()
    {
        decimal[] values = TN.Arange(300_000).ToArray<decimal>();
        Assert.Equal(300_000, values.Length);
        Assert.Equal(299_999m, values[^1]);
        Assert.Equal(Enumerable.Range(0, 300_000).Select(i => (long)i), TN.Arange(300_000).ToArray<long>());
    }
}
