using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class SumTests
{
    [Theory]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 3 })]
    [InlineData(new[] { 0, 2, 3 })]
    [InlineData(new[] { 3 })]
    public void Sum_OverAdjacentAndSeparateAxesMatchesNaiveLoops(int[] axes)
    {
        int[] dims = [2, 3, 4, 5];
        Tensor t = TN.Randn(new Generator(31), DType.Float64, dims);
        double[] v = t.ToArray<double>();
        int[] outDims = [.. dims.Select((d, i) => axes.Contains(i) ? 1 : d)];
        var expected = new double[outDims.Aggregate(1, (p, d) => p * d)];
        for (int a = 0; a < 2; a++)
        for (int b = 0; b < 3; b++)
        for (int c = 0; c < 4; c++)
        for (int d = 0; d < 5; d++)
        {
            int[] idx = [a, b, c, d];
            int flat = 0;
            for (int k = 0; k < 4; k++) flat = flat * outDims[k] + (axes.Contains(k) ? 0 : idx[k]);
            expected[flat] += v[((a * 3 + b) * 4 + c) * 5 + d];
        }

        Tensor actual = t.Sum(axes, keepDim: true);

        Assert.Equal(outDims, actual.Shape.ToArray());
        double[] got = actual.ToArray<double>();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Sum_OfA0dTensorAlongAxis0OrMinus1IsItsValue(int axis)
    {
        Tensor x = TN.Scalar(-2.5, DType.Float32).RequiringGrad();
        foreach (Tensor s in new[] { x.Sum(axis), x.Sum(axis, keepDim: true), x.Sum([axis]) })
        {
            Assert.Empty(s.Dims);
            Assert.Equal(-2.5, s.Item());
        }
        (x.Sum(axis) * 3.0f).Backward();
        Assert.Equal(3.0, x.Grad!.Item());
    }

    [Fact]
    public void Sum_OfMillionsOfFloat32ValuesKeepsSevenDigits()
    {
        var values = new float[10_000_000];
        var gen = new Generator(3);
        double exact = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)gen.NextDouble();
            exact += values[i];
        }
        double sum = TN.Tensor(values, values.Length).Sum().Item();
        Assert.True(Math.Abs(sum - exact) / exact < 1e-7, $"relative error {Math.Abs(sum - exact) / exact:E2}");
    }

    [Fact]
    public void Sum_AlongAStridedAxisOfMillionsOfFloat32ValuesKeepsSevenDigits()
    {
        // Two lines of 2M U[0, 1) values 2 apart: added row by row in float32 they were off by 3.7e-5 relative.
        Tensor x = TN.Rand(new Generator(4), DType.Float32, 1 << 21, 2);
        double[] sum = x.Sum(0).ToArray<double>(), exact = x.To(DType.Float64).Sum(0).ToArray<double>();
        for (int i = 0; i < sum.Length; i++)
            Assert.True(Math.Abs(sum[i] - exact[i]) <= 1e-7 * exact[i], $"line {i}: {sum[i]:R}, float64 {exact[i]:R}");
    }
}
