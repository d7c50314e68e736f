using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class RepeatTests
{
    private static double[] NaiveRepeat(Tensor x, int[] repeats, out int[] dims)
    {
        int[] shape = x.Shape.ToArray();
        int lead = repeats.Length - shape.Length;
        int[] padded = [.. Enumerable.Repeat(1, lead), .. shape];
        dims = [.. padded.Select((d, k) => d * repeats[k])];
        double[] v = x.ToArray<double>();
        int[] strides = ProdTests.Strides(padded);
        return Naive.Tabulate(dims, index =>
        {
            int at = 0;
            for (int k = 0; k < padded.Length; k++) at += index[k] % padded[k] * strides[k];
            return v[at];
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Repeat_MatchesNaiveOnRandomShapes(DType dtype)
    {
        Naive.ForRandomTensors(71, 60, dtype, 3, 3, (g, x) =>
        {
            int[] repeats = [.. Enumerable.Range(0, x.Order + g.NextInt(3)).Select(_ => g.NextInt(4))];
            double[] expected = NaiveRepeat(x, repeats, out int[] dims);
            Naive.AssertEqual(x.Repeat(repeats), dims, dtype, expected);
        }, minOrder: 0);
    }

    [Fact]
    public void Repeat_TilesLikePyTorch()
    {
        Assert.Equal([0f, 1f, 2f, 0f, 1f, 2f], TN.Arange(3).Repeat(2).ToArray<float>());
        Tensor scalar = TN.Scalar(2.0, DType.Float64).Repeat(2, 3);
        Assert.Equal(new Shape(2, 3), scalar.Shape);
        Assert.Equal(new Shape(0, 3), TN.Ones(2, 3).Repeat(0, 1).Shape);
        Assert.Equal(new Shape(4, 0), TN.Zeros(2, 0).Repeat(2, 5).Shape);
    }

    [Fact]
    public void Repeat_GradientSumsTheTiles()
    {
        Tensor x = TN.Tensor(new[] { 1.0, 2.0 }).RequiringGrad();
        Tensor w = TN.Arange(0, 12, 1, DType.Float64).Reshape(2, 6);
        (x.Repeat(2, 3) * w).Sum().Backward();
        Assert.Equal([0.0 + 2 + 4 + 6 + 8 + 10, 1.0 + 3 + 5 + 7 + 9 + 11], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Repeat_ThrowsForTooFewOrNegativeRepeats()
    {
        var few = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Repeat(2));
        Assert.Contains("1 repeats [2]", few.Message);
        Assert.Contains("[2, 3]", few.Message);
        Assert.Contains("repeat -1 at position 1", Assert.Throws<ArgumentException>(() => TN.Ones(2).Repeat(1, -1)).Message);
    }
}
