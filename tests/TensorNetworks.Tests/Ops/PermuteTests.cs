using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class PermuteTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Permute_MatchesNaiveReference(DType dtype)
        => Naive.ForRandomTensors(2024, 400, dtype, maxOrder: 6, maxExtent: 6, (g, x) => AssertPermuteMatches(x, RandomPermutation(g, x.Order)));

    [Theory]
    [InlineData(DType.Float32, new[] { 517, 263 }, new[] { 1, 0 })]
    [InlineData(DType.Float64, new[] { 263, 517 }, new[] { 1, 0 })]
    [InlineData(DType.Float32, new[] { 3, 131, 257 }, new[] { 0, 2, 1 })]
    [InlineData(DType.Float64, new[] { 33, 40, 55 }, new[] { 2, 0, 1 })]
    [InlineData(DType.Float32, new[] { 33, 40, 55 }, new[] { 1, 2, 0 })]
    [InlineData(DType.Float64, new[] { 6, 35, 7, 60 }, new[] { 3, 1, 0, 2 })]
    [InlineData(DType.Float32, new[] { 70000, 2 }, new[] { 1, 0 })]
    [InlineData(DType.Float64, new[] { 2, 3, 20000 }, new[] { 2, 1, 0 })]
    [InlineData(DType.Float32, new[] { 1024, 37 }, new[] { 1, 0 })]
    [InlineData(DType.Float32, new[] { 300, 200, 2 }, new[] { 1, 0, 2 })]
    [InlineData(DType.Float32, new[] { 130, 129, 4 }, new[] { 1, 0, 2 })]
    [InlineData(DType.Float64, new[] { 100, 300, 2 }, new[] { 1, 0, 2 })]
    [InlineData(DType.Float64, new[] { 90, 70, 4, 8 }, new[] { 1, 2, 0, 3 })]
    [InlineData(DType.Float32, new[] { 90, 70, 16 }, new[] { 1, 0, 2 })]
    [InlineData(DType.Float32, new[] { 20, 512, 37 }, new[] { 2, 1, 0 })]
    [InlineData(DType.Float64, new[] { 20, 256, 37 }, new[] { 2, 1, 0 })]
    public void Permute_LargeTensorsMatchNaiveReference(DType dtype, int[] dims, int[] permutation)
        => AssertPermuteMatches(Naive.Random(new Generator(7), dtype, dims), permutation);

    [Fact]
    public void Permute_AcceptsNegativeAxes()
    {
        Tensor x = Naive.Random(new Generator(1), DType.Float64, 2, 3, 4);
        Assert.Equal(x.Permute(2, 0, 1).ToArray<double>(), x.Permute(-1, -3, 1).ToArray<double>());
    }

    [Fact]
    public void Permute_OfUnitAxesOnlyIsAViewOfTheSameStorage()
    {
        Tensor x = Naive.Random(new Generator(2), DType.Float32, 1, 3, 1, 4);
        Tensor y = x.Permute(2, 1, 0, 3);
        Assert.Equal(new Shape(1, 3, 1, 4), y.Shape);
        Assert.Same(x.Data, y.Data);
        Assert.Same(x.Data, x.Permute(0, 1, 2, 3).Data);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Transpose_MatchesNaiveReference(DType dtype)
    {
        Tensor x = Naive.Random(new Generator(3), dtype, 3, 4, 5);
        Tensor y = x.Transpose(0, -1);
        Naive.AssertEqual(y, [5, 4, 3], dtype, Naive.Tabulate([5, 4, 3], i => x[i[2], i[1], i[0]]));
    }

    [Fact]
    public void Permute_ThrowsForRepeatedAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3, 4).Permute(0, 0, 1));
        Assert.Contains("axis 0 appears twice in [0, 0, 1]", e.Message);
        Assert.Contains("axis 2 is missing", e.Message);
    }

    [Fact]
    public void Permute_ThrowsForMissingAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3, 4).Permute(1, 0));
        Assert.Contains("[1, 0] lists 2 axes but shape [2, 3, 4] has 3", e.Message);
    }

    [Fact]
    public void Permute_ThrowsForOutOfRangeAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3, 4).Permute(0, 3, 1));
        Assert.Contains("axis 3 in [0, 3, 1] is out of range for shape [2, 3, 4]", e.Message);
        Assert.Contains("-3..2", e.Message);
    }

    [Fact]
    public void Transpose_ThrowsForOutOfRangeAxis()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Zeros(2, 3).Transpose(0, 2));
        Assert.Contains("Transpose: axis 2 is out of range for a tensor of shape [2, 3]", e.Message);
        var diagonal = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Ones(3).Diagonal());
        Assert.Contains("Diagonal (axis2): axis 1 is out of range for a tensor of shape [3]", diagonal.Message);
    }

    private static void AssertPermuteMatches(Tensor x, int[] permutation)
    {
        int[] dims = x.Shape.ToArray();
        int[] outDims = [.. permutation.Select(p => dims[p])];
        var source = new int[dims.Length];
        double[] expected = Naive.Tabulate(outDims, i =>
        {
            for (int k = 0; k < i.Length; k++) source[permutation[k]] = i[k];
            return x[source];
        });
        Naive.AssertEqual(x.Permute(permutation), outDims, x.DType, expected);
    }

    private static int[] RandomPermutation(Generator g, int n)
    {
        int[] p = [.. Enumerable.Range(0, n)];
        for (int i = n - 1; i > 0; i--)
        {
            int j = g.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
