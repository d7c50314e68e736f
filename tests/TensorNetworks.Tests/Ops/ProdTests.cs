using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ProdTests
{
    /// <summary>Π along <paramref name="axis"/> by index loops, in double.</summary>
    private static double[] NaiveProd(Tensor x, int axis, out int[] keptDims)
    {
        int[] dims = x.Shape.ToArray();
        double[] v = x.ToArray<double>();
        int a = axis;
        keptDims = (int[])dims.Clone();
        keptDims[a] = 1;
        int[] strides = Strides(dims);
        return Naive.Tabulate(keptDims, index =>
        {
            int at = 0;
            for (int k = 0; k < dims.Length; k++) at += index[k] * strides[k];
            double p = 1;
            for (int j = 0; j < dims[a]; j++) p *= v[at + j * strides[a]];
            return p;
        });
    }

    internal static int[] Strides(int[] dims)
    {
        var s = new int[dims.Length];
        for (int k = dims.Length - 1, stride = 1; k >= 0; stride *= dims[k], k--) s[k] = stride;
        return s;
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Prod_MatchesNaiveOnRandomShapes(DType dtype)
    {
        Naive.ForRandomTensors(41, 60, dtype, 4, 5, (g, x) =>
        {
            int axis = g.NextInt(x.Order), given = g.NextInt(2) == 0 ? axis - x.Order : axis;
            bool keepDim = g.NextInt(2) == 0;
            double[] expected = NaiveProd(x, axis, out int[] keptDims);
            Tensor r = x.Prod(given, keepDim);
            Assert.Equal(new Shape(keepDim ? keptDims : [.. keptDims.Where((_, k) => k != axis)]), r.Shape);
            Reference.Close(expected, r, dtype == DType.Float32 ? 2e-6 : 1e-13);
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Prod_MatchesNaiveOnTheParallelPaths(DType dtype)
    {
        var g = new Generator(42);
        foreach (int[] dims in new[] { new[] { 2000, 40 }, new[] { 40, 2000 }, new[] { 3, 9000, 5 } })
        {
            Tensor x = TN.Rand(g, dtype, dims) * 0.2 + 0.9;
            for (int axis = 0; axis < dims.Length; axis++)
                Reference.Close(NaiveProd(x, axis, out _), x.Prod(axis), dtype == DType.Float32 ? 1e-5 : 1e-12);
        }
    }

    [Fact]
    public void Prod_OfFloat32IsFormedInDouble()
    {
        Tensor x = TN.Tensor(new[] { 1e30f, 1e30f, 1e-30f, 1e-30f });
        Assert.Equal(1f, (float)x.Prod().Item(), 5);
        Tensor tiny = TN.Tensor(new[] { 1e-30f, 1e-30f, 1e30f, 1e30f }, 4, 1);
        Assert.Equal(1f, (float)tiny.Prod(0).Item(), 5);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Prod_HandlesEmptyAndZeroDimensionalTensors(DType dtype)
    {
        Assert.Equal(1.0, TN.Zeros(dtype, 0).Prod().Item());
        Assert.Equal([1.0, 1.0, 1.0], TN.Zeros(dtype, 0, 3).Prod(0).ToArray<double>());
        Assert.Equal(new Shape(0, 1), TN.Zeros(dtype, 0, 3).Prod(1, keepDim: true).Shape);
        Tensor scalar = TN.Scalar(-2.5, dtype);
        Assert.Equal(-2.5, scalar.Prod(0).Item());
        Assert.Equal(0, scalar.Prod(-1, keepDim: true).Order);
        Assert.Equal(-2.5, scalar.Prod().Item());
        Assert.True(double.IsNaN(TN.Tensor(new[] { 0.0, double.NaN }).To(dtype).Prod().Item()));
    }

    [Fact]
    public void Prod_GradientIsTheProductOfTheOthersWhereTheLineHoldsZeros()
    {
        Tensor x = TN.Tensor(new[] { 2.0, 0.0, 3.0, 4.0, 0.0, 0.0, 5.0, 6.0, 7.0 }, 3, 3).RequiringGrad();
        x.Prod(1).Sum().Backward();
        Assert.Equal([0.0, 6.0, 0.0, 0.0, 0.0, 0.0, 42.0, 35.0, 30.0], x.Grad!.ToArray<double>());
        Tensor y = TN.Tensor(new[] { 2f, 0f, 3f, 0f }, 2, 2).RequiringGrad(); // columns [2, 3] and [0, 0]
        y.Prod(0).Sum().Backward();
        Assert.Equal([3f, 0f, 2f, 0f], y.Grad!.ToArray<float>());
    }

    [Fact]
    public void Prod_GradientMatchesTheNaiveProductOfTheOthersOnALargeLine()
    {
        var g = new Generator(43);
        Tensor x = (TN.Rand(g, DType.Float64, 3, 30_000) * 0.002 + 0.999).RequiringGrad();
        Tensor weights = TN.Randn(g, DType.Float64, 3);
        (x.Prod(1) * weights).Sum().Backward();
        double[] v = x.ToArray<double>(), w = weights.ToArray<double>();
        double[] expected = Naive.Tabulate([3, 30_000], index =>
        {
            double p = 1;
            for (int j = 0; j < 30_000; j++) if (j != index[1]) p *= v[index[0] * 30_000 + j];
            return p * w[index[0]];
        });
        Reference.Close(expected, x.Grad!, 1e-11);
    }

    [Fact]
    public void Prod_ThrowsForABadAxis()
    {
        Assert.Contains("Prod: axis 2", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Prod(2)).Message);
        Assert.Contains("0-d", Assert.Throws<ArgumentException>(() => TN.Scalar(1).Prod(1)).Message);
    }
}
