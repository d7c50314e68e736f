using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

/// <summary>
/// Copies whose rows are long enough to be cut into pieces across the cores (a row of at least two pieces of
/// 256 KiB): concatenated vectors, narrowed blocks, strided slices, broadcast rows and a gradient. Each is
/// compared element by element with a plain loop; the lengths leave a partial last piece.
/// </summary>
public sealed class LongRowCopyTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Cat_OfLongVectorsEqualsTheirConcatenation(DType dtype)
    {
        var g = new Generator(41);
        Tensor a = TN.Randn(g, dtype, 200_003), b = TN.Randn(g, dtype, 131_073), c = TN.Randn(g, dtype, 5);
        double[] expected = [.. a.ToArray<double>(), .. b.ToArray<double>(), .. c.ToArray<double>()];
        Assert.Equal(expected, TN.Cat([a, b, c]).ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Narrow_OfLongRowsCopiesEveryRowAndPiece(DType dtype)
    {
        var g = new Generator(42);
        Tensor x = TN.Randn(g, dtype, 3, 140_010);
        double[] all = x.ToArray<double>();
        double[] expected = [.. Enumerable.Range(0, 3).SelectMany(r => all.Skip(r * 140_010 + 7).Take(140_000))];
        Assert.Equal(expected, x.Narrow(1, 7, 140_000).ToArray<double>());
        Assert.Equal(all.Skip(140_010).Take(2 * 140_010), x.Narrow(0, 1, 2).ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32, 1)]
    [InlineData(DType.Float32, 8)]
    [InlineData(DType.Float64, 1)]
    [InlineData(DType.Float64, 2)]
    public void Slice_WithAStepOverLongRowsTakesEveryStepthRow(DType dtype, int inner)
    {
        var g = new Generator(43);
        int rows = 600_001 / inner;
        Tensor x = TN.Randn(g, dtype, rows, inner);
        double[] all = x.ToArray<double>();
        double[] expected = [.. Enumerable.Range(0, (rows + 1) / 2).SelectMany(r => all.Skip(2 * r * inner).Take(inner))];
        Assert.Equal(expected, x.Slice(0, 0, rows, step: 2).ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void BroadcastTo_RepeatsALongRow(DType dtype)
    {
        Tensor row = TN.Randn(new Generator(45), dtype, 1, 200_003);
        double[] values = row.ToArray<double>();
        Assert.Equal([.. values, .. values, .. values], row.BroadcastTo(3, 200_003).ToArray<double>());
    }

    [Fact]
    public void NarrowGradient_OfALongVectorPlacesTheIncomingGradientInItsRange()
    {
        var g = new Generator(44);
        Tensor x = TN.Randn(g, DType.Float64, 400_000).RequiringGrad();
        Tensor weights = TN.Randn(g, DType.Float64, 300_000);
        (x.Narrow(0, 50_000, 300_000) * weights).Sum().Backward();
        double[] expected = new double[400_000];
        weights.ToArray<double>().CopyTo(expected, 50_000);
        Assert.Equal(expected, x.Grad!.ToArray<double>());
    }
}
