using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class DiagonalTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Diagonal_MatchesNaiveReference(DType dtype) => Naive.ForRandomTensors(41, 150, dtype, maxOrder: 4, maxExtent: 5, minOrder: 2, check: (g, x) =>
    {
        int[] dims = x.Shape.ToArray();
        int axis1 = g.NextInt(dims.Length), axis2 = (axis1 + 1 + g.NextInt(dims.Length - 1)) % dims.Length;
        int offset = g.NextInt(dims[axis1] + dims[axis2] + 3) - dims[axis1] - 1;
        int[] rest = [.. Enumerable.Range(0, dims.Length).Where(k => k != axis1 && k != axis2)];
        var entries = new List<(int Row, int Col)>();
        for (int i = 0; i < dims[axis1]; i++)
            if (i + offset >= 0 && i + offset < dims[axis2]) entries.Add((i, i + offset));
        int[] outDims = [.. rest.Select(k => dims[k]), entries.Count];
        double[] expected = Naive.Tabulate(outDims, i =>
        {
            var source = new int[dims.Length];
            for (int r = 0; r < rest.Length; r++) source[rest[r]] = i[r];
            (source[axis1], source[axis2]) = entries[i[^1]];
            return x[source];
        });
        Naive.AssertEqual(x.Diagonal(offset, axis1, axis2 - dims.Length), outDims, dtype, expected);
    });

    [Fact]
    public void Diagonal_OfAMatrixFollowsPyTorchOffsets()
    {
        Tensor m = TN.Arange(12, DType.Float64).Reshape(3, 4);
        Assert.Equal([0.0, 5.0, 10.0], m.Diagonal().ToArray<double>());
        Assert.Equal([2.0, 7.0], m.Diagonal(offset: 2).ToArray<double>());
        Assert.Equal([4.0, 9.0], m.Diagonal(offset: -1).ToArray<double>());
        Assert.Equal(0, m.Diagonal(offset: 4).ElementCount);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Trace_SumsTheMainDiagonal(DType dtype)
    {
        Tensor m = Naive.Random(new Generator(42), dtype, 4, 3);
        double expected = m[0, 0] + m[1, 1] + m[2, 2];
        Assert.Equal(expected, m.Trace().Item(), 5);
        Assert.Equal(0, m.Trace().Order);
    }

    [Fact]
    public void Diagonal_GradientLiesOnTheDiagonal()
    {
        var x = TN.Zeros(DType.Float64, 3, 3).RequiringGrad();
        x.Diagonal(offset: 1).Backward(TN.Tensor(new[] { 5.0, 7.0 }, 2));
        Assert.Equal([0.0, 5.0, 0.0, 0.0, 0.0, 7.0, 0.0, 0.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Diagonal_ThrowsForTheSameAxisTwice()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(3, 3).Diagonal(0, 1, -1));
        Assert.Contains("axis1 1 and axis2 -1 are both axis 1 of shape [3, 3]", e.Message);
    }

    [Fact]
    public void Trace_ThrowsForANonMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3, 3).Trace());
        Assert.Contains("needs a 2-D tensor, got shape [2, 3, 3]", e.Message);
    }
}
