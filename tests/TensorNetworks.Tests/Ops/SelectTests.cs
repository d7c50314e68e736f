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
