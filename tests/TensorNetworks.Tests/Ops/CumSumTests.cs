using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class CumSumTests
{
    private static double[] NaiveCumSum(Tensor x, int axis, bool reverse = false)
    {
        int[] dims = x.Shape.ToArray();
        double[] v = x.ToArray<double>();
        int[] strides = ProdTests.Strides(dims);
        return Naive.Tabulate(dims, index =>
        {
            int at = 0;
            for (int k = 0; k < dims.Length; k++) at += index[k] * strides[k];
            at -= index[axis] * strides[axis];
            double s = 0;
            int from = reverse ? index[axis] : 0, to = reverse ? dims[axis] - 1 : index[axis];
            for (int j = from; j <= to; j++) s += v[at + j * strides[axis]];
            return s;
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CumSum_MatchesNaiveOnRandomShapes(DType dtype)
    {
        Naive.ForRandomTensors(51, 60, dtype, 4, 6, (g, x) =>
        {
            int axis = g.NextInt(x.Order);
            Tensor r = x.CumSum(g.NextInt(2) == 0 ? axis - x.Order : axis);
            Assert.Equal(x.Shape, r.Shape);
            Reference.Close(NaiveCumSum(x, axis), r, dtype == DType.Float32 ? 2e-6 : 1e-13);
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CumSum_MatchesNaiveOnTheParallelPaths(DType dtype)
    {
        var g = new Generator(52);
        foreach (int[] dims in new[] { new[] { 300, 400 }, new[] { 3, 30_000, 2 }, new[] { 70_000 }, new[] { 2, 9000 } })
        {
            Tensor x = TN.Rand(g, dtype, dims);
            for (int axis = 0; axis < dims.Length; axis++)
                Reference.Close(NaiveCumSum(x, axis), x.CumSum(axis), dtype == DType.Float32 ? 2e-6 : 1e-12);
        }
    }

    [Fact]
    public void CumSum_OfFloat32IsRoundedOncePerOutput()
    {
        Tensor x = TN.Full(0.1, DType.Float32, 1 << 20);
        double expected = (1 << 20) * (double)0.1f;
        Assert.Equal((float)expected, x.CumSum(0).ToArray<float>()[^1]);
        Assert.Equal((float)expected, x.Reshape(1 << 20, 1).CumSum(0).ToArray<float>()[^1]);
    }

    [Fact]
    public void CumSum_GradientIsTheReversedRunningSum()
    {
        var g = new Generator(53);
        foreach (int axis in new[] { 0, 1, -1 })
        {
            Tensor x = TN.Randn(g, DType.Float64, 4, 5).RequiringGrad();
            Tensor w = TN.Randn(g, DType.Float64, 4, 5);
            (x.CumSum(axis) * w).Sum().Backward();
            Reference.Close(NaiveCumSum(w, axis < 0 ? axis + 2 : axis, reverse: true), x.Grad!, 1e-13);
        }
        foreach (DType dtype in Naive.DTypes)
        {
            Tensor line = TN.Randn(g, dtype, 2, 3001).RequiringGrad();
            Tensor weights = TN.Randn(g, dtype, 2, 3001);
            (line.CumSum(1) * weights).Sum().Backward();
            Reference.Close(NaiveCumSum(weights, 1, reverse: true), line.Grad!, dtype == DType.Float32 ? 2e-6 : 1e-12);
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CumSum_HandlesEmptyZeroDimensionalAndSpecialValues(DType dtype)
    {
        Assert.Equal(new Shape(0, 3), TN.Zeros(dtype, 0, 3).CumSum(1).Shape);
        Assert.Equal(new Shape(2, 0), TN.Zeros(dtype, 2, 0).CumSum(1).Shape);
        Assert.Equal(4.0, TN.Scalar(4.0, dtype).CumSum(0).Item());
        Assert.Equal(0, TN.Scalar(4.0, dtype).CumSum(-1).Order);
        double[] r = TN.Tensor(new[] { 1.0, double.NaN, 2.0 }).To(dtype).CumSum(0).ToArray<double>();
        Assert.Equal(1.0, r[0]);
        Assert.True(double.IsNaN(r[1]) && double.IsNaN(r[2]));
    }

    [Fact]
    public void CumSum_ThrowsForABadAxis()
    {
        Assert.Contains("CumSum: axis -3", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).CumSum(-3)).Message);
        Assert.Contains("0-d", Assert.Throws<ArgumentException>(() => TN.Scalar(1).CumSum(2)).Message);
    }
}
