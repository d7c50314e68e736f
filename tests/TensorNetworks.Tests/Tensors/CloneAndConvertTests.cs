using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

/// <summary>
/// <see cref="Tensor.Clone"/> and <see cref="Tensor.To"/> at sizes that run across the cores (and a small one that
/// does not), compared element by element with a plain loop; the lengths leave a partial last piece.
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
}
