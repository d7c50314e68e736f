using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class SelectTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Select_MatchesNaiveReference(DType dtype) => Naive.ForRandomTensors(21, 100, dtype, maxOrder: 4, maxExtent: 5, (g, x) =>
    {
        int[] dims = x.Shape.ToArray();
        int axis = g.NextInt(dims.Length);
        int index = g.NextInt(dims[axis]);
        int[] outDims = [.. dims[..axis], .. dims[(axis + 1)..]];
        double[] expected = Naive.Tabulate(outDims, i => x[[.. i[..axis], index, .. i[axis..]]]);
        Naive.AssertEqual(x.Select(axis, index - dims[axis]), outDims, dtype, expected);
    });

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void IndexSelect_MatchesNaiveReferenceWithRepeatedIndices(DType dtype) => Naive.ForRandomTensors(22, 100, dtype, maxOrder: 4, maxExtent: 5, (g, x) =>
    {
        int[] dims = x.Shape.ToArray();
        int axis = g.NextInt(dims.Length);
        int[] indices = [.. Enumerable.Range(0, g.NextInt(7)).Select(_ => g.NextInt(dims[axis]))];
        int[] outDims = (int[])dims.Clone();
        outDims[axis] = indices.Length;
        double[] expected = Naive.Tabulate(outDims, i => x[[.. i[..axis], indices[i[axis]], .. i[(axis + 1)..]]]);
        Naive.AssertEqual(x.IndexSelect(axis, indices), outDims, dtype, expected);
    });

    /// <summary>Selections large enough to be split across the cores, rows long and short: every row from its index.</summary>
    [Theory]
    [InlineData(DType.Float32, 0, new[] { 1000, 64 }, 5000)]
    [InlineData(DType.Float64, 1, new[] { 300, 7, 40 }, 9)]
    [InlineData(DType.Float32, 1, new[] { 200, 900 }, 700)]
    public void IndexSelect_OfLargeTensorsTakesEveryRowFromItsIndex(DType dtype, int axis, int[] dims, int count)
    {
        Tensor x = TN.Arange(Shape.ElementCountOf(dims)).Reshape(dims).To(dtype);
        var random = new Random(5);
        int[] indices = [.. Enumerable.Range(0, count).Select(_ => random.Next(dims[axis]))];
        double[] actual = x.IndexSelect(axis, indices).ToArray<double>();
        int outer = Shape.ElementCountOf(dims.AsSpan(0, axis)), inner = Shape.ElementCountOf(dims.AsSpan(axis + 1));
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
                for (int i = 0; i < inner; i++)
                    Assert.Equal((o * dims[axis] + indices[j]) * inner + i, actual[(o * count + j) * inner + i]);
    }

    /// <summary>Without a gradient and with no negative index the indices are used as given: no copy, and no name built
    /// for each index's range check (a 4096-index selection allocated 213 KB of such strings).</summary>
    [Fact]
    public void IndexSelect_WithoutAGradientAllocatesOnlyItsOutput()
    {
        Tensor x = Reference.Randn(14, DType.Float32, 100, 16);
        int[] indices = [.. Enumerable.Range(0, 300).Select(i => i * 37 % 100)];
        long output = Allocations.PerCall(() => _ = Tensor.Uninitialized(DType.Float32, [300, 16]));
        long select = Allocations.PerCall(() => _ = x.IndexSelect(0, indices));
        Assert.True(select <= output + 256, $"IndexSelect allocated {select} B against {output} B for its output alone");
    }

    [Fact]
    public void IndexSelect_BackwardAddsTheSlicesOfARepeatedIndex()
    {
        var x = TN.Zeros(DType.Float64, 2, 3).RequiringGrad();
        Tensor y = x.IndexSelect(1, [2, 0, 2, -1]);
        y.Backward(TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0 }, 2, 4));
        Assert.Equal([2.0, 0.0, 8.0, 6.0, 0.0, 20.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void IndexSelect_ThrowsForIndexOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 3).IndexSelect(1, [0, 3]));
        Assert.Contains("index 3 (indices[1]) is out of range for axis 1 of extent 3 (shape [2, 3])", e.Message);
        Assert.Contains("-3..2", e.Message);
    }

    [Fact]
    public void Select_ThrowsForIndexOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 3).Select(0, -3));
        Assert.Contains("index -3 (index) is out of range for axis 0 of extent 2 (shape [2, 3])", e.Message);
    }
}
