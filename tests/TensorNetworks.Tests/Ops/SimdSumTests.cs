namespace TensorNetworks.Tests.Ops;

public sealed class SimdSumTests
{
    /// <summary>Every length from 0 to 300, so that the four-vector loop, the one-vector loop and the scalar tail each run
    /// alone and together: the sum of the values, which are small integers and so exact in either order.</summary>
    [Fact]
    public void Of_SumsEveryLengthExactlyForIntegerValues()
    {
        var random = new Random(3);
        double[] values = [.. Enumerable.Range(0, 300).Select(_ => (double)random.Next(-50, 51))];
        float[] singles = [.. values.Select(v => (float)v)];
        for (int n = 0; n <= values.Length; n++)
        {
            double expected = values.Take(n).Sum();
            Assert.Equal(expected, SimdSum.Of<double>(values.AsSpan(0, n)));
            Assert.Equal((float)expected, SimdSum.Of<float>(singles.AsSpan(0, n)));
        }
    }

    /// <summary>Products and squared differences of small integers, every length from 0 to 300, with y at an offset so
    /// that the two spans are not aligned alike: exact in any order, so any element dropped, doubled or paired with the
    /// wrong partner shows.</summary>
    [Fact]
    public void DotAndSquaredDistance_AreExactForEveryLengthOfIntegerValues()
    {
        var random = new Random(5);
        double[] x = [.. Enumerable.Range(0, 300).Select(_ => (double)random.Next(-20, 21))];
        double[] y = [.. Enumerable.Range(0, 301).Select(_ => (double)random.Next(-20, 21))];
        float[] xs = [.. x.Select(v => (float)v)], ys = [.. y.Select(v => (float)v)];
        for (int n = 0; n <= x.Length; n++)
        {
            double dot = 0, distance = 0;
            for (int i = 0; i < n; i++)
            {
                dot += x[i] * y[i + 1];
                distance += (x[i] - y[i + 1]) * (x[i] - y[i + 1]);
            }
            Assert.Equal(dot, SimdSum.Dot<double>(x.AsSpan(0, n), y.AsSpan(1, n)));
            Assert.Equal((float)dot, SimdSum.Dot<float>(xs.AsSpan(0, n), ys.AsSpan(1, n)));
            Assert.Equal(distance, SimdSum.SquaredDistance<double>(x.AsSpan(0, n), y.AsSpan(1, n)));
            Assert.Equal((float)distance, SimdSum.SquaredDistance<float>(xs.AsSpan(0, n), ys.AsSpan(1, n)));
        }
    }

    [Fact]
    public void Of_KeepsFloat32PrecisionOverAChunk()
    {
        float[] x = [.. TN.Rand(new Generator(4), DType.Float32, 1024).ToArray<float>()];
        double expected = x.Sum(v => (double)v);
        float actual = SimdSum.Of<float>(x);
        Assert.True(Math.Abs(actual - expected) <= 4e-7 * expected, $"{actual:R} against {expected:R}");
    }

    /// <summary>The fallback without SIMD hardware, called directly since this machine has it: exact for small integers at
    /// every length from 0 to 40 (eight sums, a full block or none, and the tail), for values and for products.</summary>
    [Fact]
    public void EightScalarSums_AreExactForEveryLengthOfIntegerValues()
    {
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, 40).Select(_ => (double)random.Next(-20, 21))];
        double[] y = [.. Enumerable.Range(0, 40).Select(_ => (double)random.Next(-20, 21))];
        for (int n = 0; n <= x.Length; n++)
        {
            Assert.Equal(x.Take(n).Sum(), SimdSum.EightScalarSums<double, SimdSum.Value<double>>(x.AsSpan(0, n), x.AsSpan(0, n)));
            Assert.Equal(x.Zip(y).Take(n).Sum(p => p.First * p.Second),
                SimdSum.EightScalarSums<double, SimdSum.Product<double>>(x.AsSpan(0, n), y.AsSpan(0, n)));
        }
    }

    /// <summary>The fallback keeps a float32 sum of 1024 values within 4e-7 relative, as the SIMD path does; one running
    /// sum drifted past it.</summary>
    [Fact]
    public void EightScalarSums_KeepFloat32PrecisionOverAChunk()
    {
        float[] x = [.. TN.Rand(new Generator(4), DType.Float32, 1024).ToArray<float>()];
        double expected = x.Sum(v => (double)v);
        float actual = SimdSum.EightScalarSums<float, SimdSum.Value<float>>(x, x);
        Assert.True(Math.Abs(actual - expected) <= 4e-7 * expected, $"{actual:R} against {expected:R}");
    }
}
