using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class NarrowSliceTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Narrow_MatchesNaiveReference(DType dtype) => Naive.ForRandomTensors(11, 150, dtype, maxOrder: 4, maxExtent: 6, (g, x) =>
    {
        int[] dims = x.Shape.ToArray();
        int axis = g.NextInt(dims.Length);
        int start = g.NextInt(dims[axis] + 1);
        int length = g.NextInt(dims[axis] - start + 1);
        int[] outDims = (int[])dims.Clone();
        outDims[axis] = length;
        Naive.AssertEqual(x.Narrow(axis, start, length), outDims, dtype, Naive.Tabulate(outDims, i => x[[.. i[..axis], start + i[axis], .. i[(axis + 1)..]]]));
    });

    [Fact]
    public void Narrow_AcceptsNegativeStartAndAxis()
    {
        Tensor x = TN.Arange(10, DType.Float64).Reshape(2, 5);
        Assert.Equal([2.0, 3.0, 7.0, 8.0], x.Narrow(-1, -3, 2).ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Slice_MatchesPythonSliceRules(DType dtype) => Naive.ForRandomTensors(12, 200, dtype, maxOrder: 4, maxExtent: 7, (g, x) =>
    {
        int[] dims = x.Shape.ToArray();
        int axis = g.NextInt(dims.Length);
        int extent = dims[axis];
        int start = g.NextInt(2 * extent + 5) - extent - 2;
        int end = g.NextInt(2 * extent + 5) - extent - 2;
        int step = 1 + g.NextInt(3);
        List<int> picked = PythonSlice(extent, start, end, step);
        int[] outDims = (int[])dims.Clone();
        outDims[axis] = picked.Count;
        Tensor y = x.Slice(axis - dims.Length, start, end, step);
        Naive.AssertEqual(y, outDims, dtype, Naive.Tabulate(outDims, i => x[[.. i[..axis], picked[i[axis]], .. i[(axis + 1)..]]]));
    });

    [Fact]
    public void Slice_ToIntMaxValueReachesTheEnd()
    {
        Tensor x = TN.Arange(10, DType.Float64);
        Assert.Equal([7.0, 8.0, 9.0], x.Slice(0, -3, int.MaxValue).ToArray<double>());
        Assert.Equal([1.0, 4.0, 7.0], x.Slice(0, 1, int.MaxValue, step: 3).ToArray<double>());
    }

    [Fact]
    public void Narrow_ThrowsForStartOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 5).Narrow(1, 6, 1));
        Assert.Contains("start 6 is out of range for axis 1 of extent 5 (shape [2, 5])", e.Message);
        Assert.Contains("-5..5", e.Message);
    }

    [Fact]
    public void Narrow_ThrowsForLengthPastTheEnd()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 5).Narrow(1, 3, 4));
        Assert.Contains("start 3 with length 4 does not fit in axis 1 of extent 5", e.Message);
        Assert.Contains("0..2", e.Message);
    }

    [Fact]
    public void Narrow_ThrowsForAxisOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 5).Narrow(2, 0, 1));
        Assert.Contains("Narrow: axis 2 is out of range for a tensor of shape [2, 5]", e.Message);
    }

    [Fact]
    public void Slice_ThrowsForNonPositiveStep()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(4).Slice(0, 0, 4, step: 0));
        Assert.Contains("step 0 must be at least 1", e.Message);
    }

    [Fact]
    public void Narrow_GradientIsZeroOutsideTheRange()
    {
        var x = TN.Arange(5, DType.Float64).RequiringGrad();
        x.Narrow(0, 1, 2).Sum().Backward();
        Assert.Equal([0.0, 1.0, 1.0, 0.0, 0.0], x.Grad!.ToArray<double>());
    }

    private static List<int> PythonSlice(int extent, int start, int end, int step)
    {
        int s = Math.Clamp(start < 0 ? start + extent : start, 0, extent);
        int e = Math.Clamp(end < 0 ? end + extent : end, 0, extent);
        var picked = new List<int>();
        for (int i = s; i < e; i += step) picked.Add(i);
        return picked;
    }
}
