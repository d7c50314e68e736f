using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class GatherScatterTests
{
    /// <summary>A random index for <paramref name="x"/> along <paramref name="axis"/>: extents up to the tensor's
    /// (any along the axis), values in 0..extent − 1.</summary>
    private static Tensor RandomIndex(Generator g, Tensor x, int axis, DType dtype)
    {
        int[] dims = x.Shape.ToArray();
        int[] indexDims = [.. dims.Select((d, k) => k == axis ? 1 + g.NextInt(4) : g.NextInt(d + 1))];
        return TN.RandInt(g, dims[axis], dtype, indexDims);
    }

    private static double[] NaiveGather(Tensor x, int axis, Tensor index)
    {
        int[] dims = x.Shape.ToArray(), strides = ProdTests.Strides(dims);
        double[] v = x.ToArray<double>(), idx = index.ToArray<double>();
        int p = 0;
        return Naive.Tabulate(index.Shape.ToArray(), position =>
        {
            int at = 0;
            for (int k = 0; k < dims.Length; k++) at += (k == axis ? (int)idx[p] : position[k]) * strides[k];
            p++;
            return v[at];
        });
    }

    private static double[] NaiveScatterAdd(Tensor x, int axis, Tensor index, Tensor source)
    {
        int[] dims = x.Shape.ToArray(), strides = ProdTests.Strides(dims), sourceStrides = ProdTests.Strides(source.Shape.ToArray());
        double[] result = x.ToArray<double>(), idx = index.ToArray<double>(), src = source.ToArray<double>();
        int p = 0;
        Naive.Tabulate(index.Shape.ToArray(), position =>
        {
            int at = 0, from = 0;
            for (int k = 0; k < dims.Length; k++)
            {
                at += (k == axis ? (int)idx[p] : position[k]) * strides[k];
                from += position[k] * sourceStrides[k];
            }
            result[at] += src[from];
            p++;
            return 0;
        });
        return result;
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Gather_MatchesNaiveOnRandomShapes(DType dtype)
    {
        Naive.ForRandomTensors(91, 80, dtype, 4, 5, (g, x) =>
        {
            int axis = g.NextInt(x.Order);
            Tensor index = RandomIndex(g, x, axis, g.NextInt(2) == 0 ? DType.Float32 : DType.Float64);
            Naive.AssertEqual(x.Gather(g.NextInt(2) == 0 ? axis - x.Order : axis, index), index.Shape.ToArray(), dtype, NaiveGather(x, axis, index));
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ScatterAdd_MatchesNaiveOnRandomShapes(DType dtype)
    {
        Naive.ForRandomTensors(92, 80, dtype, 4, 5, (g, x) =>
        {
            int axis = g.NextInt(x.Order);
            Tensor index = RandomIndex(g, x, axis, dtype);
            int[] sourceDims = [.. index.Shape.ToArray().Select(d => d + g.NextInt(2))];
            Tensor source = TN.Randn(g, dtype, sourceDims);
            Tensor r = x.ScatterAdd(axis, index, source);
            double[] expected = NaiveScatterAdd(x, axis, index, source);
            Reference.Close(expected, r, dtype == DType.Float32 ? 1e-6 : 1e-15);
            Assert.Equal(x.Shape, r.Shape);
        });
    }

    [Fact]
    public void Gather_MatchesNaiveOnTheParallelPath()
    {
        var g = new Generator(93);
        Tensor x = TN.Randn(g, DType.Float32, 300, 400);
        Tensor index = TN.RandInt(g, 300, DType.Float32, 250, 400);
        Naive.AssertEqual(x.Gather(0, index), [250, 400], DType.Float32, NaiveGather(x, 0, index));
    }

    [Fact]
    public void Gather_PicksAlongTheAxisLikePyTorch()
    {
        Tensor x = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2);
        Assert.Equal([1.0, 1.0, 4.0, 3.0], x.Gather(1, TN.Tensor(new[] { 0.0, 0.0, 1.0, 0.0 }, 2, 2)).ToArray<double>());
        Assert.Equal([3.0, 2.0], x.Gather(0, TN.Tensor(new[] { 1.0, 0.0 }, 1, 2)).ToArray<double>());
        Assert.Equal(new Shape(2, 0), x.Gather(1, TN.Zeros(2, 0)).Shape);
        Tensor scalar = TN.Scalar(7.0, DType.Float64);
        Assert.Equal(7.0, scalar.Gather(0, TN.Scalar(0.0)).Item());
        Assert.Equal(0, scalar.Gather(-1, TN.Scalar(0.0)).Order);
    }

    [Fact]
    public void Gather_GradientAddsBackAtPickedEntries()
    {
        Tensor x = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, 2, 3).RequiringGrad();
        Tensor index = TN.Tensor(new[] { 2.0, 2.0, 0.0, 1.0 }, 2, 2);
        (x.Gather(1, index) * TN.Tensor(new[] { 1.0, 10.0, 100.0, 1000.0 }, 2, 2)).Sum().Backward();
        Assert.Equal([0.0, 0.0, 11.0, 100.0, 1000.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ScatterAdd_CountsAndGradients()
    {
        Tensor counts = TN.Zeros(DType.Float64, 3).ScatterAdd(0, TN.Tensor(new[] { 0.0, 2.0, 0.0 }), TN.Ones(DType.Float64, 3));
        Assert.Equal([2.0, 0.0, 1.0], counts.ToArray<double>());
        Tensor x = TN.Zeros(DType.Float64, 2, 2).RequiringGrad();
        Tensor source = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, 2, 3).RequiringGrad();
        Tensor index = TN.Tensor(new[] { 1.0, 1.0, 0.0, 1.0 }, 2, 2);
        Tensor r = x.ScatterAdd(1, index, source);
        Assert.Equal([0.0, 3.0, 4.0, 5.0], r.ToArray<double>());
        (r * TN.Tensor(new[] { 1.0, 10.0, 100.0, 1000.0 }, 2, 2)).Sum().Backward();
        Assert.Equal([1.0, 10.0, 100.0, 1000.0], x.Grad!.ToArray<double>());
        Assert.Equal([10.0, 10.0, 0.0, 100.0, 1000.0, 0.0], source.Grad!.ToArray<double>());
        Assert.Equal(5.0, TN.Scalar(2.0, DType.Float64).ScatterAdd(0, TN.Scalar(0.0), TN.Scalar(3.0, DType.Float64)).Item());
    }

    [Fact]
    public void Gather_ThrowsForBadIndices()
    {
        Tensor x = TN.Ones(2, 3);
        var range = Assert.Throws<ArgumentException>(() => x.Gather(1, TN.Tensor(new[] { 0f, 3f }, 1, 2)));
        Assert.Contains("index 3 at position [0, 1]", range.Message);
        Assert.Contains("0..2", range.Message);
        Assert.Contains("is out of range", Assert.Throws<ArgumentException>(() => x.Gather(1, TN.Tensor(new[] { -1f }, 1, 1))).Message);
        Assert.Contains("not a whole number", Assert.Throws<ArgumentException>(() => x.Gather(0, TN.Tensor(new[] { 0.5f }, 1, 1))).Message);
        Assert.Contains("index NaN at position [0, 0] of the index is not a whole number", Assert.Throws<ArgumentException>(() => x.Gather(0, TN.Tensor(new[] { float.NaN }, 1, 1))).Message);
        Assert.Contains("same number of axes", Assert.Throws<ArgumentException>(() => x.Gather(0, TN.Zeros(2))).Message);
        Assert.Contains("extent 4 on axis 1", Assert.Throws<ArgumentException>(() => x.Gather(0, TN.Zeros(1, 4))).Message);
        Assert.Contains("Gather: axis 2", Assert.Throws<ArgumentException>(() => x.Gather(2, TN.Zeros(1, 1))).Message);
    }

    [Fact]
    public void ScatterAdd_ThrowsForBadArguments()
    {
        Tensor x = TN.Zeros(2, 3);
        Assert.Contains("Float64", Assert.Throws<ArgumentException>(() => x.ScatterAdd(0, TN.Zeros(1, 1), TN.Zeros(DType.Float64, 1, 1))).Message);
        Assert.Contains("larger than the source", Assert.Throws<ArgumentException>(() => x.ScatterAdd(0, TN.Zeros(2, 2), TN.Zeros(1, 2))).Message);
        Assert.Contains("the source has shape [2]", Assert.Throws<ArgumentException>(() => x.ScatterAdd(0, TN.Zeros(1, 1), TN.Zeros(2))).Message);
        Assert.Contains("index 2", Assert.Throws<ArgumentException>(() => x.ScatterAdd(0, TN.Full(2, DType.Float32, 1, 1), TN.Zeros(1, 1))).Message);
    }
}
