using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class SoftmaxTests
{
    public static TheoryData<DType, int[], int> Cases() => new()
    {
        { DType.Float32, [4, 7], -1 },
        { DType.Float64, [4, 7], 0 },
        { DType.Float32, [2, 5, 3], 1 },
        { DType.Float64, [2, 5, 3], 2 },
        { DType.Float32, [300, 300], 1 },
        { DType.Float64, [300, 300], 0 },
        { DType.Float64, [70001, 3], 0 },
        { DType.Float32, [8, 9000], 0 },
        { DType.Float32, [3, 7, 4500], 1 },
        { DType.Float32, [3, 5000], 1 },
        { DType.Float64, [2, 4097], -1 },
        { DType.Float32, [7000, 10], 1 },
        { DType.Float64, [130, 10], -1 },
        { DType.Float32, [9, 512], 1 },
        { DType.Float64, [5, 300], 1 },
        { DType.Float32, [3, 513], 1 },
    };

    private static double[] NaiveSoftmax(Tensor x, int axis)
    {
        Tensor e = x.To(DType.Float64).Exp();
        return (e / e.Sum([axis], keepDim: true)).ToArray<double>();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Softmax_MatchesNaiveFormula(DType dtype, int[] shape, int axis)
    {
        Tensor x = Reference.Randn(21, dtype, shape);
        Reference.Close(NaiveSoftmax(x, axis), x.Softmax(axis), 2 * Reference.Tolerance(dtype));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Softmax_RowsSumToOne(DType dtype, int[] shape, int axis)
    {
        Tensor s = (Reference.Randn(22, dtype, shape) * 30.0).Softmax(axis);
        Assert.All(s.Sum([axis]).ToArray<double>(), total => Assert.Equal(1.0, total, dtype == DType.Float32 ? 5 : 12));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LogSoftmax_MatchesLogOfNaiveSoftmax(DType dtype, int[] shape, int axis)
    {
        Tensor x = Reference.Randn(23, dtype, shape);
        double[] expected = [.. NaiveSoftmax(x, axis).Select(v => Math.Log(v))];
        Reference.Close(expected, x.LogSoftmax(axis), 4 * Reference.Tolerance(dtype));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SoftmaxBackward_MatchesItsJacobianFormula(DType dtype, int[] shape, int axis)
    {
        Tensor x = Reference.Randn(24, dtype, shape).RequiringGrad();
        Tensor g = Reference.Randn(25, dtype, shape);
        Tensor s = x.Softmax(axis);
        Tensor[] grads = Gradients.Of(s, [x], g);
        Tensor sd = s.Detach().To(DType.Float64), gd = g.To(DType.Float64);
        Tensor expected = sd * (gd - (gd * sd).Sum([axis], keepDim: true));
        Reference.Close(expected.ToArray<double>(), grads[0], 8 * Reference.Tolerance(dtype));

        Tensor l = x.LogSoftmax(axis);
        Tensor[] logGrads = Gradients.Of(l, [x], g);
        Tensor logExpected = gd - sd * gd.Sum([axis], keepDim: true);
        Reference.Close(logExpected.ToArray<double>(), logGrads[0], 8 * Reference.Tolerance(dtype));
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SoftmaxFamily_GivesAlongAStridedAxisWhatItGivesAlongTheLastOne(DType dtype)
    {
        // 40 lines of 3000: random ones, lines holding NaN, +∞, −∞ beside finite values, all −∞, and values near ±1e4;
        // along axis 0 the lines are strided (groups of 25 rows, two items, split across the cores), along axis 1 contiguous.
        double[] v = Reference.Randn(26, DType.Float64, 40, 3000).ToArray<double>();
        v[3 * 3000 + 7] = double.NaN;
        v[4 * 3000 + 9] = double.PositiveInfinity;
        v[5 * 3000 + 11] = double.NegativeInfinity;
        for (int k = 0; k < 3000; k++)
        {
            v[6 * 3000 + k] = double.NegativeInfinity;
            v[7 * 3000 + k] = 1e4 + v[7 * 3000 + k];
            v[8 * 3000 + k] = -1e4 + 30 * v[8 * 3000 + k];
        }
        Tensor rows = TN.Tensor(v, 40, 3000).To(dtype), columns = rows.Permute(1, 0);
        double tolerance = 4 * Reference.Tolerance(dtype);
        Reference.Close(rows.Softmax(1).ToArray<double>(), columns.Softmax(0).Permute(1, 0), tolerance);
        Reference.Close(rows.LogSoftmax(1).ToArray<double>(), columns.LogSoftmax(0).Permute(1, 0), tolerance);
        Reference.Close(rows.LogSumExp(1).ToArray<double>(), columns.LogSumExp(0), tolerance);
    }

    [Theory]
    [InlineData(new[] { 3, 4, 0 }, 1)]
    [InlineData(new[] { 0, 4, 3 }, 1)]
    [InlineData(new[] { 3, 0, 2 }, 1)]
    public void SoftmaxFamily_OfAnEmptyTensorIsEmpty(int[] shape, int axis)
    {
        Tensor x = TN.Zeros(shape).RequiringGrad();
        Tensor s = x.Softmax(axis), l = x.LogSoftmax(axis), lse = x.LogSumExp(axis);
        Assert.Equal(new Shape(shape), s.Shape);
        Assert.Equal(new Shape(shape), l.Shape);
        Assert.All(lse.ToArray<float>(), v => Assert.Equal(float.NegativeInfinity, v));
        (s.Sum() + l.Sum() + lse.Sum()).Backward();
        Assert.Equal(new Shape(shape), x.Grad!.Shape);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SoftmaxFamily_OfShortLinesGivesEachGroupTheBitsItGivesAlone(DType dtype)
    {
        // Lines of 10 run 102 to a group; 7000 of them split across the cores, the first 102 alone run on one. The
        // groups depend on the shape alone, so the first group's results are the same bits either way.
        Tensor all = Reference.Randn(31, dtype, 7000, 10) * 5.0, first = all.Narrow(0, 0, 102);
        Assert.Equal(first.Softmax(1).ToArray<double>(), all.Softmax(1).Narrow(0, 0, 102).ToArray<double>());
        Assert.Equal(first.LogSoftmax(1).ToArray<double>(), all.LogSoftmax(1).Narrow(0, 0, 102).ToArray<double>());
        Assert.Equal(first.LogSumExp(1).ToArray<double>(), all.LogSumExp(1).Narrow(0, 0, 102).ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32, 10)]
    [InlineData(DType.Float32, 1000)]
    [InlineData(DType.Float64, 37)]
    [InlineData(DType.Float64, 5000)]
    public void SoftmaxFamily_OfAContiguousLineWithNaNIsNaN(DType dtype, int extent)
    {
        // The NaN in the vector part of one line, in the tail of another; the lines beside them stay finite.
        double[] v = Reference.Randn(28, DType.Float64, 4, extent).ToArray<double>();
        v[extent / 3] = double.NaN;
        v[2 * extent + extent - 1] = double.NaN;
        Tensor x = TN.Tensor(v, 4, extent).To(dtype);
        foreach (Tensor result in new[] { x.Softmax(1), x.LogSoftmax(1), x.LogSumExp(1, keepDim: true) })
        {
            double[] r = result.ToArray<double>();
            int width = r.Length / 4;
            for (int o = 0; o < 4; o++)
                Assert.All(r.Skip(o * width).Take(width), value => Assert.Equal(o % 2 == 0, double.IsNaN(value)));
        }
    }

    [Fact]
    public void Softmax_IsStableForLargeLogits()
    {
        var x = TN.Tensor(new float[] { 1000, 1001, -1000, 89, 90, 91 }, 2, 3);
        float[] s = x.Softmax(1).ToArray<float>();
        Assert.All(s, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1 / (1 + (float)Math.E), s[0], 1e-6f);
        Assert.Equal(0f, s[2]);
    }

    [Fact]
    public void LogSoftmax_KeepsPrecisionForTinyProbabilities()
    {
        double[] l = TN.Tensor(new[] { 0.0, -800.0 }).LogSoftmax().ToArray<double>();
        Assert.Equal(0.0, l[0], 12);
        Assert.Equal(-800.0, l[1], 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void LogSoftmax_Float32KeepsItsPrecisionForLargeLogits(int axis)
    {
        // Computed as (x − m) − ln Σ exp(x − m): x − m is exact here, so float32 agrees with float64 to its
        // own precision (relative 1e-6, or 2.5e-7 ≈ 2 ulp of the sum Σ exp(x − m) ≥ 1 for values near 0, as in
        // PyTorch), which x − (m + ln Σ), through a float32 value near 1e4, misses by up to 1e-3.
        float[] values = [1e4f, 9995f, 100f, 95f, 1000f, 995f, -3e4f, -29990.5f];
        Tensor x = axis == 1 ? TN.Tensor(values, 4, 2) : TN.Tensor([.. values.Where((_, i) => i % 2 == 0), .. values.Where((_, i) => i % 2 == 1)], 2, 4);
        Tensor wide = x.To(DType.Float64).RequiringGrad();
        Tensor single = x.RequiringGrad();
        Tensor weights = Reference.Randn(41, DType.Float64, x.Dims);

        Tensor y = single.LogSoftmax(axis), expected = wide.LogSoftmax(axis);
        (y * weights.To(DType.Float32)).Sum().Backward();
        (expected * weights).Sum().Backward();

        double[] a = y.ToArray<double>(), e = expected.ToArray<double>();
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(a[i] - e[i]) <= 1e-6 * Math.Abs(e[i]) + 2.5e-7, $"element {i}: float32 {a[i]:R}, float64 {e[i]:R}");
        Reference.Close(wide.Grad!.ToArray<double>(), single.Grad!, 1e-6);
    }

    public static TheoryData<int[]> LongLines() => new() { { [1 << 22] }, { [1 << 21, 2] } };

    /// <summary>U[0, 1) float32 values along axis 0: one line of 4M, or two strided lines of 2M. One float32 running sum
    /// of exp over them was off by 2e-5 relative (contiguous) and 4e-4 (strided); summed in double chunk by chunk, the
    /// results are within a few float32 roundings of float64 ones.</summary>
    private static Tensor LongLine(int[] shape, ulong seed) => TN.Rand(new Generator(seed), DType.Float32, shape);

    /// <summary>The largest |actualᵢ − expectedᵢ| / |scaleᵢ|.</summary>
    private static double WorstError(double[] actual, double[] expected, double[] scale)
    {
        double worst = 0;
        for (int i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Abs(scale[i]));
        return worst;
    }

    [Theory]
    [MemberData(nameof(LongLines))]
    public void SoftmaxAndLogSoftmax_Float32KeepTheirPrecisionAlongMillionsOfElements(int[] shape)
    {
        Tensor x = LongLine(shape, 61), wide = x.To(DType.Float64);
        (string, Func<Tensor, Tensor>)[] ops = [("Softmax", t => t.Softmax(0)), ("LogSoftmax", t => t.LogSoftmax(0))];
        foreach (var (name, op) in ops)
        {
            double[] y = op(x).ToArray<double>(), expected = op(wide).ToArray<double>();
            double worst = WorstError(y, expected, expected);
            Assert.True(worst <= 4e-7, $"{name}: largest relative error {worst:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(LongLines))]
    public void SoftmaxBackward_Float32KeepsItsPrecisionAlongMillionsOfElements(int[] shape)
    {
        Tensor x = LongLine(shape, 63), g = LongLine(shape, 64);
        Tensor wide = x.To(DType.Float64).RequiringGrad(), single = x.RequiringGrad();
        (single.Softmax(0) * g).Sum().Backward();
        (wide.Softmax(0) * g.To(DType.Float64)).Sum().Backward();
        double[] s = wide.Detach().Softmax(0).ToArray<double>();
        double worst = WorstError(single.Grad!.ToArray<double>(), wide.Grad!.ToArray<double>(), s);
        Assert.True(worst <= 4e-7, $"largest error relative to the softmax {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(LongLines))]
    public void LogSoftmaxBackward_Float32KeepsItsPrecisionAlongMillionsOfElements(int[] shape)
    {
        Tensor x = LongLine(shape, 65), g = LongLine(shape, 66);
        Tensor wide = x.To(DType.Float64).RequiringGrad(), single = x.RequiringGrad();
        (single.LogSoftmax(0) * g).Sum().Backward();
        (wide.LogSoftmax(0) * g.To(DType.Float64)).Sum().Backward();
        // dx = g − softmax · Σ g: measured against its second term, which carries the sum (and y's float32 rounding).
        double[] pg = (wide.Detach().Softmax(0) * g.To(DType.Float64).Sum([0], keepDim: true)).ToArray<double>();
        double worst = WorstError(single.Grad!.ToArray<double>(), wide.Grad!.ToArray<double>(), pg);
        Assert.True(worst <= 3e-6, $"largest error relative to softmax · Σ g {worst:E2}");
    }

    public static TheoryData<int[], int> SpikedLines() => new() { { [512, 2048], 1 }, { [2048, 512], 0 } };

    /// <summary>Lines of 2048 float32 values −15 + U[0, 1), the second element of the first line 0, along a contiguous
    /// or a strided axis: that line's Σ exp is 1 plus 2047 terms near 5e-7, each of which float32 rounds when it is
    /// added to a partial sum near 1.</summary>
    internal static Tensor SpikedLine(int[] shape, ulong seed)
    {
        float[] v = TN.Rand(new Generator(seed), DType.Float32, shape).ToArray<float>();
        for (int i = 0; i < v.Length; i++) v[i] -= 15;
        v[1] = 0;
        return TN.Tensor(v, shape);
    }

    [Theory]
    [MemberData(nameof(SpikedLines))]
    public void Softmax_Float32AddsTinyTermsToALargeOneAsPreciselyAlongEitherLayout(int[] shape, int axis)
    {
        // Along the strided axis, float32 partial sums of 1024 rows made the softmax 3.7e-6 off, relative; summed in a
        // double row, 2.3e-7. The contiguous line's 1024-element chunks, float32 per SIMD lane, give 4.8e-7.
        Tensor x = SpikedLine(shape, 67), wide = x.To(DType.Float64);
        double worst = WorstError(x.Softmax(axis).ToArray<double>(), wide.Softmax(axis).ToArray<double>(), wide.Softmax(axis).ToArray<double>());
        Assert.True(worst <= 6e-7, $"largest relative error {worst:E2}");
    }

    /// <summary>512 lines of 2048 float32 values, one 0 and the others −14 + U[0, 1), along axis 1 (contiguous) or 0
    /// (strided): each line's Σ exp is 1 + ~1.4e-3, so its lse is ~1.4e-3 and the log-softmax of its 0 is −lse.</summary>
    internal static Tensor LinesNearZeroLse(int axis, ulong seed)
    {
        float[] v = TN.Rand(new Generator(seed), DType.Float32, 512, 2048).ToArray<float>();
        for (int i = 0; i < v.Length; i++) v[i] -= 14;
        for (int o = 0; o < 512; o++) v[o * 2048 + o] = 0;
        Tensor x = TN.Tensor(v, 512, 2048);
        return axis == 1 ? x : x.Permute(1, 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void LogSoftmax_Float32KeepsTheRelativePrecisionOfAResultNearZero(int axis)
    {
        // The 0 of each line maps to −ln Σ exp ≈ −1.4e-3, which was 6.2e-5 off, relative, along the strided axis and
        // 2.5e-4 along the contiguous one (the causes are those of LogSumExp's); now 4.5e-8 and 1.2e-7.
        Tensor x = LinesNearZeroLse(axis, 69);
        double[] y = x.LogSoftmax(axis).ToArray<double>(), expected = x.To(DType.Float64).LogSoftmax(axis).ToArray<double>();
        double worst = 0;
        for (int o = 0; o < 512; o++)
        {
            int i = axis == 1 ? o * 2048 + o : o * 512 + o;
            worst = Math.Max(worst, Math.Abs(y[i] - expected[i]) / Math.Abs(expected[i]));
        }
        Assert.True(worst <= 5e-7, $"largest relative error of a result near 0: {worst:E2}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Softmax_OfA0dTensorIsOneAndItsLogIsZero(int axis)
    {
        Tensor x = TN.Scalar(3.5).RequiringGrad();
        Tensor s = x.Softmax(axis), l = x.LogSoftmax(axis);
        Assert.Empty(s.Dims);
        Assert.Equal(1.0, s.Item());
        Assert.Empty(l.Dims);
        Assert.Equal(0.0, l.Item());
        (s + l).Backward();
        Assert.Equal(0.0, x.Grad!.Item());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void Softmax_OfA0dTensorThrowsForOtherAxes(int axis)
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Scalar(1.0).Softmax(axis));
        Assert.Contains("Softmax", e.Message);
        Assert.Contains($"axis {axis}", e.Message);
        Assert.Contains("0-d", e.Message);
        Assert.Contains("LogSoftmax", Assert.Throws<ArgumentException>(() => TN.Scalar(1.0).LogSoftmax(axis)).Message);
    }

    [Fact]
    public void Softmax_ThrowsForAxisOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Softmax(2));
        Assert.Contains("Softmax", e.Message);
        Assert.Contains("axis 2", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }
}
