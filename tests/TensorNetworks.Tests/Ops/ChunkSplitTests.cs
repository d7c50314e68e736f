using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ChunkSplitTests
{
    private static int[] Sizes(Tensor[] pieces, int axis) => [.. pieces.Select(p => p.Shape.ToArray()[axis])];

    [Theory]
    [InlineData(5, 4, new[] { 2, 2, 1 })]
    [InlineData(6, 4, new[] { 2, 2, 2 })]
    [InlineData(6, 3, new[] { 2, 2, 2 })]
    [InlineData(3, 5, new[] { 1, 1, 1 })]
    [InlineData(7, 1, new[] { 7 })]
    [InlineData(0, 2, new[] { 0, 0 })]
    public void Chunk_GivesPyTorchsSizes(int extent, int chunks, int[] sizes)
        => Assert.Equal(sizes, Sizes(TN.Zeros(2, extent).Chunk(chunks, axis: -1), 1));

    [Theory]
    [InlineData(5, 2, new[] { 2, 2, 1 })]
    [InlineData(4, 2, new[] { 2, 2 })]
    [InlineData(3, 7, new[] { 3 })]
    [InlineData(0, 2, new[] { 0 })]
    public void Split_GivesPyTorchsSizes(int extent, int size, int[] sizes)
        => Assert.Equal(sizes, Sizes(TN.Zeros(extent, 3).Split(size), 0));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Split_PiecesHoldTheConsecutiveSlices(DType dtype)
    {
        Tensor x = Reference.Randn(72, dtype, 3, 7, 2);
        double[] v = x.ToArray<double>();
        Tensor[] pieces = x.Split([2, 0, 4, 1], axis: 1);
        Assert.Equal([2, 0, 4, 1], Sizes(pieces, 1));
        int start = 0;
        foreach (Tensor p in pieces)
        {
            int size = p.Shape.ToArray()[1];
            double[] expected = Naive.Tabulate([3, size, 2], i => v[(i[0] * 7 + start + i[1]) * 2 + i[2]]);
            Naive.AssertEqual(p, [3, size, 2], dtype, expected);
            start += size;
        }
        Assert.Equal(x.ToArray<double>(), TN.Cat(x.Chunk(3, 1), 1).ToArray<double>());
    }

    [Fact]
    public void Split_EachPieceCarriesItsGradient()
    {
        Tensor x = TN.Arange(0, 5, 1, DType.Float64).RequiringGrad();
        Tensor[] parts = x.Split(2);
        (parts[0].Sum() * 1.0 + parts[1].Sum() * 10.0 + parts[2].Sum() * 100.0).Backward();
        Assert.Equal([1.0, 1, 10, 10, 100], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ChunkAndSplit_ThrowForBadArguments()
    {
        Assert.Equal("chunks", Assert.Throws<ArgumentOutOfRangeException>(() => TN.Ones(4).Chunk(0)).ParamName);
        Assert.Equal("splitSize", Assert.Throws<ArgumentOutOfRangeException>(() => TN.Ones(4).Split(0)).ParamName);
        var sum = Assert.Throws<ArgumentException>(() => TN.Ones(2, 5).Split([2, 2], axis: 1));
        Assert.Contains("add up to 4", sum.Message);
        Assert.Contains("extent 5", sum.Message);
        Assert.Contains("size -1", Assert.Throws<ArgumentException>(() => TN.Ones(4).Split([5, -1])).Message);
        Assert.Contains("Chunk: axis 1", Assert.Throws<ArgumentOutOfRangeException>(() => TN.Ones(4).Chunk(2, 1)).Message);
        Assert.Contains("0-d", Assert.Throws<ArgumentOutOfRangeException>(() => TN.Scalar(1).Split(1)).Message);
    }
}
