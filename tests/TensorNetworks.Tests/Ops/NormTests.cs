using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class NormTests
{
    [Theory]
    [InlineData(DType.Float32, 1.0)]
    [InlineData(DType.Float32, 2.0)]
    [InlineData(DType.Float64, 2.0)]
    [InlineData(DType.Float64, 3.0)]
    public void Norm_MatchesNaivePNormOverRows(DType dtype, double p)
    {
        Tensor x = Reference.Randn(9, dtype, 4, 6);
        double[] v = x.ToArray<double>();
        double[] expected = [.. Enumerable.Range(0, 4).Select(r => Math.Pow(v.Skip(r * 6).Take(6).Sum(e => Math.Pow(Math.Abs(e), p)), 1 / p))];
        Reference.Close(expected, x.Norm([1], p), 2 * Reference.Tolerance(dtype));
    }

    /// <summary>Trailing axes take the per-line path (lines split across the cores past 64K elements): any order of the
    /// axes, keepDim or not, equals the naive √Σx² per line.</summary>
    [Theory]
    [InlineData(DType.Float32, new[] { 2 }, false)]
    [InlineData(DType.Float64, new[] { 2, 1 }, true)]
    [InlineData(DType.Float32, new[] { 1, 2 }, false)]
    [InlineData(DType.Float64, new[] { -1 }, true)]
    public void Norm_OverTrailingAxesMatchesNaiveLineNorms(DType dtype, int[] axes, bool keepDim)
    {
        const int outer = 300, middle = 4, last = 130;
        Tensor x = Reference.Randn(12, dtype, outer, middle, last);
        double[] v = x.ToArray<double>();
        int extent = axes.Length == 2 ? middle * last : last;
        double[] expected = [.. Enumerable.Range(0, v.Length / extent).Select(r => Math.Sqrt(v.Skip(r * extent).Take(extent).Sum(e => e * e)))];
        Tensor norm = x.Norm(axes, keepDim: keepDim);
        Reference.Close(expected, norm, 2 * Reference.Tolerance(dtype));
        int[] dims = axes.Length == 2 ? [outer, 1, 1] : [outer, middle, 1];
        Assert.Equal(keepDim ? new Shape(dims) : new Shape([.. dims.Where((d, i) => i == 0 || (axes.Length == 1 && i == 1))]), norm.Shape);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Norm_OfAllIsFrobenius(DType dtype)
    {
        Tensor x = Reference.Randn(10, dtype, 3, 5);
        double expected = Math.Sqrt(x.ToArray<double>().Sum(e => e * e));
        Reference.Close([expected], x.Norm(), Reference.Tolerance(dtype));
        Reference.Close([expected], x.Norm([0, 1]), Reference.Tolerance(dtype));
    }

    [Fact]
    public void Norm_OfAllKeepsFloat32PrecisionOverMillionsOfElements()
    {
        int n = 1 << 22;
        Tensor x = TN.Rand(new Generator(44), DType.Float32, n) + 1;
        double expected = Math.Sqrt(x.ToArray<float>().Sum(v => (double)v * v));
        double actual = x.Norm().Item();
        Assert.True(Math.Abs(actual - expected) <= 2e-7 * expected, $"Norm {actual} against {expected}: relative error {(actual - expected) / expected:E2}");
    }

    /// <summary>A float64 norm long enough to be summed in blocks across the cores, with a last partial block: √Σx² with
    /// the sum compensated (Neumaier), to within a few ulps. (A plain running sum over 300,001 squares is itself off by
    /// ~1e-14 relative.)</summary>
    [Fact]
    public void Norm_OfALongFloat64VectorMatchesACompensatedSum()
    {
        const int n = 300_001;
        Tensor x = TN.Randn(new Generator(46), DType.Float64, n);
        double sum = 0, compensation = 0;
        foreach (double v in x.ToArray<double>())
        {
            double term = v * v, next = sum + term;
            compensation += Math.Abs(sum) >= term ? sum - next + term : term - next + sum;
            sum = next;
        }
        double expected = Math.Sqrt(sum + compensation);
        double actual = x.Norm().Item();
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"Norm {actual:R} against {expected:R}");
    }

    [Fact]
    public void Norm_AlongAStridedAxisKeepsFloat32PrecisionOverMillionsOfElements()
    {
        Tensor x = TN.Rand(new Generator(45), DType.Float32, 1 << 21, 2) + 1;
        double[] norm = x.Norm([0]).ToArray<double>(), expected = x.To(DType.Float64).Norm([0]).ToArray<double>();
        for (int i = 0; i < norm.Length; i++)
            Assert.True(Math.Abs(norm[i] - expected[i]) <= 2e-7 * expected[i], $"line {i}: {norm[i]:R}, float64 {expected[i]:R}");
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(-1, 1.0)]
    [InlineData(0, 3.0)]
    public void Norm_OfA0dTensorAlongAxis0OrMinus1IsItsMagnitude(int axis, double p)
    {
        Tensor x = TN.Scalar(-2.5, DType.Float64).RequiringGrad();
        foreach (Tensor n in new[] { x.Norm([axis], p), x.Norm([axis], p, keepDim: true) })
        {
            Assert.Empty(n.Dims);
            Assert.Equal(2.5, n.Item(), 14);
        }
        x.Norm([axis], p).Backward();
        Assert.Equal(-1.0, x.Grad!.Item(), 14);
    }

    [Fact]
    public void Norm_GradientIsXOverNorm()
    {
        var x = TN.Tensor(new[] { 3.0, -4.0 }).RequiringGrad();
        x.Norm().Backward();
        Reference.Close([0.6, -0.8], x.Grad!, 1e-15);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Norm_GradientIsZeroAtZero(double p)
    {
        var x = TN.Zeros(DType.Float64, 2, 3).RequiringGrad();
        x.Norm([1], p).Sum().Backward();
        Assert.All(x.Grad!.ToArray<double>(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Norm_L1GradientIsSignWithZeroAtZero()
    {
        var x = TN.Tensor(new[] { 2.0, 0.0, -1.0 }).RequiringGrad();
        x.Norm([0], p: 1).Backward();
        Assert.Equal([1.0, 0.0, -1.0], x.Grad!.ToArray<double>());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Norm_ThrowsForAnUnsupportedP(double p)
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(3).Norm([0], p));
        Assert.Contains("p must be a finite number >= 1", e.Message);
        Assert.Contains(p.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }
}
