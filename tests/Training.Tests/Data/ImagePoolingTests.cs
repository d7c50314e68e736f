using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class ImagePoolingTests
{
    [Fact]
    public void AveragePool_AveragesEachBlock()
    {
        // two 4 × 4 images with values 0..15 and 16..31
        Tensor images = TN.Arange(32, DType.Float64).Reshape(2, 4, 4);

        Tensor pooled = ImagePooling.AveragePool(images, 2);

        // block (0,0) of image 0: (0 + 1 + 4 + 5) / 4 = 2.5; block (0,1): (2 + 3 + 6 + 7) / 4 = 4.5;
        // block (1,0): (8 + 9 + 12 + 13) / 4 = 10.5; block (1,1): 12.5; image 1 is 16 more
        Assert.Equal([2, 2, 2], pooled.Shape.ToArray());
        Assert.Equal([2.5, 4.5, 10.5, 12.5, 18.5, 20.5, 26.5, 28.5], pooled.ToArray<double>());
    }

    [Fact]
    public void AveragePool_Of28x28ByFourGives7x7()
    {
        Tensor images = TN.Arange(3 * 28 * 28).Reshape(3, 28, 28);

        Tensor pooled = ImagePooling.AveragePool(images, 4);

        Assert.Equal([3, 7, 7], pooled.Shape.ToArray());
        // image 2, block (6, 5): rows 24..27, cols 20..23 around flat 2·784 + 25.5·28 + 21.5
        Assert.Equal(2 * 784 + 25.5 * 28 + 21.5, pooled[2, 6, 5], 2);
        Assert.Equal(DType.Float32, pooled.DType);
    }

    [Fact]
    public void AveragePool_PoolsASingleImage()
    {
        Tensor pooled = ImagePooling.AveragePool(TN.Tensor(new double[,] { { 1, 3, 5 }, { 7, 9, 11 }, { 2, 4, 6 } }), 3);

        Assert.Equal(48.0 / 9, pooled.Item(), 12);
    }

    [Fact]
    public void AveragePool_PassesAFractionOfTheGradientToEachPixel()
    {
        Tensor images = TN.Ones(DType.Float64, 1, 4, 4).RequiringGrad();

        ImagePooling.AveragePool(images, 2).Sum().Backward();

        Assert.All(images.Grad!.ToArray<double>(), g => Assert.Equal(0.25, g));
    }

    [Fact]
    public void AveragePool_ThrowsWhenTheFactorDoesNotDivide()
    {
        var e = Assert.Throws<ArgumentException>(() => ImagePooling.AveragePool(TN.Zeros(2, 28, 28), 3));

        Assert.Contains("factor 3", e.Message);
        Assert.Contains("28 × 28", e.Message);
    }

    [Fact]
    public void AveragePool_ThrowsForNonPositiveFactor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePooling.AveragePool(TN.Zeros(2, 4, 4), 0));
    }

    [Fact]
    public void AveragePool_ThrowsForOneAxis()
    {
        Assert.Throws<ArgumentException>(() => ImagePooling.AveragePool(TN.Zeros(4), 2));
    }
}
