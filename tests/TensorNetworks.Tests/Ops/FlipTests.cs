using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class FlipTests
{
    private static double[] NaiveFlip(Tensor x, int[] axes)
    {
        int[] dims = x.Shape.ToArray();
        double[] v = x.ToArray<double>();
        int[] strides = ProdTests.Strides(dims);
        return Naive.Tabulate(dims, index =>
        {
            int at = 0;
            for (int k = 0; k < dims.Length; k++)
                at += (axes.Contains(k) ? dims[k] - 1 - index[k] : index[k]) * strides[k];
            return v[at];
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Flip_MatchesNaiveOnRandomShapesAndAxes(DType dtype)
    {
        Naive.ForRandomTensors(61, 80, dtype, 5, 4, (g, x) =>
        {
            int order = x.Order;
            int[] axes = [.. Enumerable.Range(0, order).Where(_ => g.NextInt(2) == 0)];
            int[] given = [.. axes.Select(a => g.NextInt(2) == 0 ? a - order : a)];
            Naive.AssertEqual(x.Flip(given), x.Shape.ToArray(), dtype, NaiveFlip(x, axes));
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Flip_MatchesNaiveOnTheParallelPaths(DType dtype)
    {
        var g = new Generator(62);
        Tensor x = TN.Randn(g, dtype, 40, 30, 70);
        foreach (int[] axes in new[] { new[] { 2 }, new[] { 0 }, new[] { 1 }, new[] { 0, 2 }, new[] { 0, 1, 2 } })
            Naive.AssertEqual(x.Flip(axes), [40, 30, 70], dtype, NaiveFlip(x, axes));
    }

    [Fact]
    public void Flip_HandlesEmptyZeroDimensionalAndNoAxes()
    {
        Assert.Equal(new Shape(0, 3), TN.Zeros(0, 3).Flip(0, 1).Shape);
        Assert.Equal(5.0, TN.Scalar(5.0, DType.Float64).Flip(0).Item());
        Tensor x = TN.Arange(4);
        Tensor same = x.Flip();
        Assert.Equal(x.ToArray<float>(), same.ToArray<float>());
        Assert.False(same.SharesStorageWith(x));
        Assert.Equal([3f, 2f, 1f, 0f], x.Flip(-1).ToArray<float>());
    }

    [Fact]
    public void Flip_GradientIsTheFlippedGradient()
    {
        Tensor x = TN.Randn(new Generator(63), DType.Float64, 3, 4).RequiringGrad();
        Tensor w = TN.Randn(new Generator(64), DType.Float64, 3, 4);
        (x.Flip(0, 1) * w).Sum().Backward();
        Assert.Equal(NaiveFlip(w, [0, 1]), x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Flip_ThrowsForBadAxes()
    {
        Assert.Contains("Flip: axis 2", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Flip(2)).Message);
        Assert.Contains("repeated", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Flip(0, -2)).Message);
    }
}
