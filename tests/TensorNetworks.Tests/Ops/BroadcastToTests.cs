using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class BroadcastToTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void BroadcastTo_MatchesNaiveReference(DType dtype)
    {
        var g = new Generator(61);
        for (int trial = 0; trial < 100; trial++)
        {
            int[] target = Naive.RandomShape(g, maxOrder: 4, maxExtent: 5);
            int keep = g.NextInt(target.Length + 1);
            int[] dims = [.. target[(target.Length - keep)..].Select(d => g.NextInt(2) == 0 ? 1 : d)];
            Tensor x = Naive.Random(g, dtype, dims);
            int lead = target.Length - dims.Length;
            double[] expected = Naive.Tabulate(target, i => x[[.. dims.Select((d, k) => d == 1 ? 0 : i[lead + k])]]);
            Naive.AssertEqual(x.BroadcastTo(target), target, dtype, expected);
        }
    }

    [Fact]
    public void BroadcastTo_LargeTargetsMatchNaiveReference()
    {
        Tensor column = Naive.Random(new Generator(62), DType.Float32, 400, 1);
        Naive.AssertEqual(column.BroadcastTo(3, 400, 70), [3, 400, 70], DType.Float32, Naive.Tabulate([3, 400, 70], i => column[i[1], 0]));
        Tensor row = Naive.Random(new Generator(63), DType.Float64, 1, 300);
        Naive.AssertEqual(row.BroadcastTo(500, 300), [500, 300], DType.Float64, Naive.Tabulate([500, 300], i => row[0, i[1]]));
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void BroadcastTo_OfOneElementFillsEveryTargetAndSumsTheGradientBack(DType dtype)
    {
        foreach (int[] target in new[] { new[] { 3, 4 }, new[] { 70, 50, 40 } })
        {
            Tensor one = TN.Full(-1.25, dtype, 1, 1).RequiringGrad();
            Tensor wide = one.BroadcastTo(target);
            int n = target.Aggregate(1, (p, d) => p * d);
            Naive.AssertEqual(wide, target, dtype, Enumerable.Repeat(-1.25, n).ToArray());
            (wide * 2.0).Sum().Backward();
            Assert.Equal(2.0 * n, one.Grad!.Item(), 6);
        }
    }

    [Fact]
    public void BroadcastTo_Float32GradientSummedOverMillionsOfRowsKeepsSevenDigits()
    {
        // The gradient of a row repeated 2M times is the sum of the upstream rows along a strided axis: added row by
        // row in float32 it was off by 1.9e-5 relative.
        Tensor row = TN.Ones(DType.Float32, 1, 2).RequiringGrad();
        Tensor g = TN.Rand(new Generator(8), DType.Float32, 1 << 21, 2);
        (row.BroadcastTo(1 << 21, 2) * g).Sum().Backward();
        double[] grad = row.Grad!.ToArray<double>(), exact = g.To(DType.Float64).Sum(0).ToArray<double>();
        for (int i = 0; i < grad.Length; i++)
            Assert.True(Math.Abs(grad[i] - exact[i]) <= 1e-7 * exact[i], $"column {i}: {grad[i]:R}, float64 {exact[i]:R}");
    }

    [Fact]
    public void BroadcastTo_ThrowsNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3).BroadcastTo(4, 3, 3));
        Assert.Contains("shapes [2, 3] and [4, 3, 3] do not broadcast", e.Message);
        var shrink = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 3).BroadcastTo(1, 3));
        Assert.Contains("shape [2, 3] cannot grow to [1, 3]", shrink.Message);
    }
}
