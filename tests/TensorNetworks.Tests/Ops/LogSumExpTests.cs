using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class LogSumExpTests
{
    [Theory]
    [InlineData(DType.Float32, 0)]
    [InlineData(DType.Float32, 1)]
    [InlineData(DType.Float64, 1)]
    [InlineData(DType.Float64, 2)]
    public void LogSumExp_MatchesNaiveFormula(DType dtype, int axis)
    {
        Tensor x = Reference.Randn(13, dtype, 3, 4, 5);
        Tensor expected = x.To(DType.Float64).Exp().Sum([axis]).Log();
        Reference.Close(expected.ToArray<double>(), x.LogSumExp(axis), 2 * Reference.Tolerance(dtype));
    }

    [Theory]
    [MemberData(nameof(SoftmaxTests.Cases), MemberType = typeof(SoftmaxTests))]
    public void LogSumExp_MatchesNaiveFormulaAlongEachLayout(DType dtype, int[] shape, int axis)
    {
        Tensor x = Reference.Randn(27, dtype, shape);
        Tensor expected = x.To(DType.Float64).Exp().Sum([axis]).Log();
        Reference.Close(expected.ToArray<double>(), x.LogSumExp(axis), 2 * Reference.Tolerance(dtype));
    }

    [Theory]
    [InlineData(1 << 22, 1)]
    [InlineData(1 << 21, 2)]
    public void LogSumExp_Float32KeepsItsPrecisionAlongMillionsOfElements(int extent, int lines)
    {
        // U[0, 1): one float32 running sum of exp was off by 7e-7 relative (contiguous) and 3e-5 (strided).
        Tensor x = TN.Rand(new Generator(64), DType.Float32, extent, lines);
        double[] lse = x.LogSumExp(0).ToArray<double>(), expected = x.To(DType.Float64).LogSumExp(0).ToArray<double>();
        for (int i = 0; i < lines; i++)
            Assert.True(Math.Abs(lse[i] - expected[i]) <= 1e-7 * expected[i], $"line {i}: {lse[i]:R}, float64 {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(SoftmaxTests.SpikedLines), MemberType = typeof(SoftmaxTests))]
    public void LogSumExp_Float32AddsTinyTermsToALargeOneAsPreciselyAlongEitherLayout(int[] shape, int axis)
    {
        // The spiked line's lse is ln(1 + 1.1e-3): float32 partial sums of 1024 rows put it 4.6e-6 off along the
        // strided axis, a double row 7.6e-8; the contiguous line's 1024-element chunks, 3.8e-7.
        Tensor x = SoftmaxTests.SpikedLine(shape, 68);
        double[] lse = x.LogSumExp(axis).ToArray<double>(), expected = x.To(DType.Float64).LogSumExp(axis).ToArray<double>();
        for (int i = 0; i < lse.Length; i++)
            Assert.True(Math.Abs(lse[i] - expected[i]) <= 5e-7 * Math.Max(1, Math.Abs(expected[i])), $"line {i}: {lse[i]:R}, float64 {expected[i]:R}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void LogSumExp_Float32KeepsItsRelativePrecisionNearZero(int axis)
    {
        // Each line's lse is ln(1 + ~1.4e-3), so an error of an ulp of 1 is 1e-4 of it. It was 6.1e-5 off, relative, along
        // the strided axis and 2.9e-4 along the contiguous one: the log of the float32-rounded sum, float32's exp(0) =
        // 1 + 2⁻²³ for the maximum's term, and (contiguous) SIMD lanes adding the tiny terms to that 1 in float32. Now
        // 4.5e-8 and 1.5e-7.
        Tensor x = SoftmaxTests.LinesNearZeroLse(axis, 70);
        double[] lse = x.LogSumExp(axis).ToArray<double>(), expected = x.To(DType.Float64).LogSumExp(axis).ToArray<double>();
        double worst = 0;
        for (int i = 0; i < lse.Length; i++) worst = Math.Max(worst, Math.Abs(lse[i] - expected[i]) / expected[i]);
        Assert.True(worst <= 5e-7, $"largest relative error {worst:E2}");
    }

    [Fact]
    public void LogSumExp_IsStableForLargeValues()
    {
        var x = TN.Tensor(new float[] { 1000, 1000, -1000, -1000 }, 2, 2);
        float[] rows = x.LogSumExp(1).ToArray<float>();
        Assert.Equal(1000 + (float)Math.Log(2), rows[0], 1e-3f);
        Assert.Equal(-1000 + (float)Math.Log(2), rows[1], 1e-3f);
    }

    [Fact]
    public void LogSumExp_OfNegativeInfinitiesAndOfAnEmptyAxisIsNegativeInfinity()
    {
        var x = TN.Full(double.NegativeInfinity, DType.Float64, 2, 3);
        Assert.All(x.LogSumExp(1).ToArray<double>(), v => Assert.Equal(double.NegativeInfinity, v));
        Assert.All(TN.Zeros(2, 0).LogSumExp(1).ToArray<float>(), v => Assert.Equal(float.NegativeInfinity, v));
    }

    [Theory]
    [MemberData(nameof(SoftmaxTests.Cases), MemberType = typeof(SoftmaxTests))]
    public void LogSumExpBackward_IsTheUpstreamTimesTheSoftmaxAlongEachLayout(DType dtype, int[] shape, int axis)
    {
        Tensor x = Reference.Randn(29, dtype, shape).RequiringGrad();
        Tensor lse = x.LogSumExp(axis);
        Tensor g = Reference.Randn(30, dtype, lse.Dims);
        Tensor[] grads = Gradients.Of(lse, [x], g);
        int positive = axis < 0 ? axis + shape.Length : axis;
        Tensor e = x.Detach().To(DType.Float64).Exp();
        Tensor expected = e / e.Sum([positive], keepDim: true) * g.To(DType.Float64).Unsqueeze(positive);
        Reference.Close(expected.ToArray<double>(), grads[0], 4 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void LogSumExp_GradientIsSoftmax()
    {
        var x = Reference.Randn(3, DType.Float64, 2, 5).RequiringGrad();
        x.LogSumExp(1).Sum().Backward();
        Reference.Close(x.Detach().Softmax(1).ToArray<double>(), x.Grad!, 1e-14);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LogSumExp_OfA0dTensorAlongAxis0OrMinus1IsItsValue(int axis)
    {
        Tensor x = TN.Scalar(-2.5, DType.Float64).RequiringGrad();
        foreach (Tensor lse in new[] { x.LogSumExp(axis), x.LogSumExp(axis, keepDim: true) })
        {
            Assert.Empty(lse.Dims);
            Assert.Equal(-2.5, lse.Item());
        }
        x.LogSumExp(axis).Backward();
        Assert.Equal(1.0, x.Grad!.Item());
        Assert.Equal(double.NegativeInfinity, TN.Scalar(double.NegativeInfinity, DType.Float64).LogSumExp(axis).Item());
    }

    [Fact]
    public void LogSumExp_KeepDimLeavesExtentOne()
        => Assert.Equal(new Shape(3, 1), TN.Ones(3, 4).LogSumExp(-1, keepDim: true).Shape);
}
