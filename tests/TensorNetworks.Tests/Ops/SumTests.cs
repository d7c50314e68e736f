using System.Numerics;
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

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Sum_AlongAShortLastAxisIsTheRunningSumFromZero(DType dtype)
    {
        var g = new Generator(61);
        int shortest = 4 * (dtype == DType.Float32 ? Vector<float>.Count : Vector<double>.Count);
        for (int extent = 1; extent < shortest; extent++)
        {
            Tensor x = TN.Randn(g, dtype, 20_000 / extent + 3, extent) * 1e4;
            double[] values = x.ToArray<double>(), sums = x.Sum(-1).ToArray<double>();
            for (int o = 0; o < sums.Length; o++)
            {
                double expected = dtype == DType.Float32 ? RunningSum<float>(values, o, extent) : RunningSum<double>(values, o, extent);
                Assert.True(expected.Equals(sums[o]), $"extent {extent}, line {o}: {sums[o]:R}, running sum {expected:R}");
            }
        }
    }

    [Fact]
    public void Sum_OfNegativeZerosAlongAShortLastAxisIsPositiveZero()
    {
        double sum = TN.Tensor(new[] { -0.0f, -0.0f, 1f, -1f }, 2, 2).Sum(-1).ToArray<double>()[0];
        Assert.True(double.IsPositive(sum) && sum == 0, $"got {sum:R}");
    }

    /// <summary>((0 + x[o, 0]) + x[o, 1]) + … in T: the order of a line shorter than four SIMD vectors.</summary>
    private static double RunningSum<T>(double[] values, int line, int extent) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < extent; j++) sum += T.CreateTruncating(values[line * extent + j]);
        return double.CreateTruncating(sum);
    }
}
