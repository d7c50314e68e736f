using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class JoinTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Cat_MatchesNaiveReference(DType dtype)
    {
        var g = new Generator(31);
        for (int trial = 0; trial < 100; trial++)
        {
            int[] dims = Naive.RandomShape(g, maxOrder: 4, maxExtent: 5);
            int axis = g.NextInt(dims.Length);
            var parts = new Tensor[1 + g.NextInt(4)];
            var owner = new List<(int Part, int Offset)>();
            for (int p = 0; p < parts.Length; p++)
            {
                int[] partDims = (int[])dims.Clone();
                partDims[axis] = g.NextInt(4);
                parts[p] = Naive.Random(g, dtype, partDims);
                for (int k = 0; k < partDims[axis]; k++) owner.Add((p, k));
            }
            int[] outDims = (int[])dims.Clone();
            outDims[axis] = owner.Count;
            double[] expected = Naive.Tabulate(outDims, i =>
            {
                int[] source = (int[])i.Clone();
                (int part, source[axis]) = owner[i[axis]];
                return parts[part][source];
            });
            Naive.AssertEqual(TN.Cat(parts, axis - dims.Length), outDims, dtype, expected);
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Stack_MatchesNaiveReference(DType dtype)
    {
        var g = new Generator(32);
        for (int trial = 0; trial < 60; trial++)
        {
            int[] dims = Naive.RandomShape(g, maxOrder: 3, maxExtent: 5);
            int axis = g.NextInt(dims.Length + 1);
            Tensor[] parts = [.. Enumerable.Range(0, 1 + g.NextInt(4)).Select(_ => Naive.Random(g, dtype, dims))];
            int[] outDims = [.. dims[..axis], parts.Length, .. dims[axis..]];
            double[] expected = Naive.Tabulate(outDims, i => parts[i[axis]][[.. i[..axis], .. i[(axis + 1)..]]]);
            Naive.AssertEqual(TN.Stack(parts, axis), outDims, dtype, expected);
        }
    }

    [Fact]
    public void Cat_LargeTensorsMatchNaiveReference()
    {
        var g = new Generator(33);
        Tensor a = Naive.Random(g, DType.Float32, 300, 150), b = Naive.Random(g, DType.Float32, 300, 100);
        Tensor c = TN.Cat([a, b], 1);
        Naive.AssertEqual(c, [300, 250], DType.Float32, Naive.Tabulate([300, 250], i => i[1] < 150 ? a[i[0], i[1]] : b[i[0], i[1] - 150]));
    }

    [Fact]
    public void Cat_ThrowsForMismatchedExtentNamingTensorAxisAndExtents()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Cat([TN.Zeros(2, 3), TN.Zeros(2, 1), TN.Zeros(4, 3)], 1));
        Assert.Contains("tensor 2 has extent 4 on axis 0 but tensor 0 has extent 2", e.Message);
        Assert.Contains("[2, 3] and [4, 3]", e.Message);
    }

    [Fact]
    public void Cat_ThrowsForDifferentOrders()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Cat([TN.Zeros(2, 3), TN.Zeros(2, 3, 1)], 0));
        Assert.Contains("tensor 1 has shape [2, 3, 1] (3 axes) but tensor 0 has shape [2, 3] (2 axes)", e.Message);
    }

    [Fact]
    public void Cat_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Cat([TN.Zeros(2), TN.Zeros(DType.Float64, 2)], 0));
        Assert.Contains("tensor 1 is Float64 but tensor 0 is Float32", e.Message);
    }

    [Fact]
    public void Cat_ThrowsForNoTensors()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Cat([], 0));
        Assert.Contains("at least one tensor", e.Message);
    }

    [Fact]
    public void Cat_ThrowsForAxisOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Cat([TN.Zeros(2, 3)], 2));
        Assert.Contains("axis 2 is out of range for shape [2, 3]", e.Message);
    }

    [Fact]
    public void Stack_ThrowsForDifferentShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Stack([TN.Zeros(2, 3), TN.Zeros(2, 3), TN.Zeros(3, 2)], 0));
        Assert.Contains("tensor 2 has shape [3, 2] but tensor 0 has shape [2, 3]", e.Message);
    }

    [Fact]
    public void Stack_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Stack([TN.Zeros(DType.Float64, 2), TN.Zeros(2)], 0));
        Assert.Contains("Stack: tensor 1 is Float32 but tensor 0 is Float64", e.Message);
    }

    [Fact]
    public void Cat_GradientOfEachInputIsItsSlice()
    {
        var a = TN.Zeros(DType.Float64, 2, 1).RequiringGrad();
        var b = TN.Zeros(DType.Float64, 2, 2).RequiringGrad();
        TN.Cat([a, b], 1).Backward(TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, 2, 3));
        Assert.Equal([1.0, 4.0], a.Grad!.ToArray<double>());
        Assert.Equal([2.0, 3.0, 5.0, 6.0], b.Grad!.ToArray<double>());
    }
}
