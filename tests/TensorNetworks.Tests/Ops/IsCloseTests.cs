using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class IsCloseTests
{
    private static bool NaiveClose(double a, double b, double rtol, double atol, bool equalNan)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return equalNan && double.IsNaN(a) && double.IsNaN(b);
        if (a == b) return true;
        double error = Math.Abs(a - b);
        return !double.IsInfinity(error) && error <= atol + rtol * Math.Abs(b);
    }

    [Theory]
    [InlineData(DType.Float64, 37)]
    [InlineData(DType.Float64, 70_001)]
    [InlineData(DType.Float32, 37)]
    [InlineData(DType.Float32, 70_001)]
    public void IsClose_MatchesTheFormulaOnRandomPerturbations(DType dtype, int n)
    {
        var g = new Generator(21);
        Tensor b = TN.Randn(g, DType.Float64, n);
        Tensor noise = TN.Randn(g, DType.Float64, n) * 1e-3;
        Tensor a = (b + noise * TN.RandInt(g, 3, DType.Float64, n)).To(dtype);
        b = b.To(dtype);
        double[] x = a.ToArray<double>(), y = b.ToArray<double>();
        foreach ((double rtol, double atol) in new[] { (1e-3, 0.0), (0.0, 1e-3), (1e-5, 1e-8), (2e-3, 1e-4) })
        {
            double[] expected = [.. x.Select((v, i) => NaiveClose(v, y[i], rtol, atol, false) ? 1.0 : 0.0)];
            Tensor r = TN.IsClose(a, b, rtol, atol);
            if (dtype == DType.Float64) Naive.AssertEqual(r, [n], dtype, expected);
            else AssertAgreesAwayFromTheBoundary(r, expected, x, y, rtol, atol);
            Assert.Equal(expected.All(e => e == 1), TN.AllClose(a, b, rtol, atol));
        }
    }

    /// <summary>Float32 evaluates the test in float32: only elements within float32 rounding of the boundary may differ.</summary>
    private static void AssertAgreesAwayFromTheBoundary(Tensor r, double[] expected, double[] x, double[] y, double rtol, double atol)
    {
        double[] actual = r.ToArray<double>();
        for (int i = 0; i < actual.Length; i++)
        {
            double margin = Math.Abs(Math.Abs(x[i] - y[i]) - (atol + rtol * Math.Abs(y[i])));
            if (margin > 1e-6 * (1 + Math.Abs(y[i]))) Assert.True(expected[i] == actual[i], $"element {i}: {x[i]:R} vs {y[i]:R}");
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void IsClose_HandlesInfinitiesAndNaN(DType dtype)
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        double[] left = [inf, inf, -inf, 1, nan, nan, 1, 2, -inf];
        double[] right = [inf, 1, inf, inf, nan, 1, nan, 2 + 1e-9, -inf];
        Tensor a = TN.Tensor(left).To(dtype), b = TN.Tensor(right).To(dtype);
        double[] plain = [.. left.Select((v, i) => NaiveClose(v, right[i], 1e-5, 1e-8, false) ? 1.0 : 0.0)];
        double[] withNan = [.. left.Select((v, i) => NaiveClose(v, right[i], 1e-5, 1e-8, true) ? 1.0 : 0.0)];
        Naive.AssertEqual(TN.IsClose(a, b), [left.Length], dtype, plain);
        Naive.AssertEqual(TN.IsClose(a, b, equalNan: true), [left.Length], dtype, withNan);
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 1, 1], plain);
        Assert.Equal(1.0, withNan[4]);
    }

    [Fact]
    public void IsClose_UsesBAsTheReference()
    {
        Tensor a = TN.Tensor(new[] { 1.0 }), b = TN.Tensor(new[] { 2.0 });
        Assert.Equal(1.0, TN.IsClose(a, b, rtol: 0.5, atol: 0).Item());
        Assert.Equal(0.0, TN.IsClose(b, a, rtol: 0.5, atol: 0).Item());
    }

    [Fact]
    public void IsClose_BroadcastsAndKeepsDType()
    {
        Tensor a = TN.Tensor(new[] { 1.0f, 2.0f, 3.0f }, 3, 1), b = TN.Tensor(new[] { 1.0f, 3.0f }, 2);
        Tensor r = TN.IsClose(a, b);
        Naive.AssertEqual(r, [3, 2], DType.Float32, [1, 0, 0, 0, 0, 1]);
        Assert.False(TN.AllClose(a, b));
        Assert.True(TN.AllClose(TN.Zeros(0, 2), TN.Ones(2)));
        Assert.True(TN.AllClose(TN.Scalar(1.0, DType.Float64), TN.Ones(DType.Float64, 2, 2)));
    }

    [Fact]
    public void IsClose_NeverRequiresAGradient()
        => Assert.False(TN.IsClose(TN.Ones(2).RequiringGrad(), TN.Ones(2)).RequiresGrad);

    [Theory]
    [InlineData(-1e-5, 0.0, "rtol")]
    [InlineData(1e-5, -1.0, "atol")]
    [InlineData(double.NaN, 0.0, "rtol")]
    public void IsClose_ThrowsForABadTolerance(double rtol, double atol, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.IsClose(TN.Ones(2), TN.Ones(2), rtol, atol));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(">= 0", e.Message);
    }

    [Fact]
    public void IsClose_ThrowsForDTypeMismatchAndShapes()
    {
        Assert.Contains("IsClose", Assert.Throws<ArgumentException>(() => TN.IsClose(TN.Ones(2), TN.Ones(DType.Float64, 2))).Message);
        Assert.Contains("[3]", Assert.Throws<ArgumentException>(() => TN.AllClose(TN.Ones(2), TN.Ones(3))).Message);
    }
}
