namespace TensorNetworks.Tests.Linalg;

public sealed class SvdTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Svd_ReconstructsInputWithOrthonormalFactors(DType dtype)
    {
        var g = new Generator(21);
        double tol = MatrixAssert.Tolerance(dtype);
        foreach ((int m, int n) in MatrixAssert.Shapes)
        {
            Tensor a = MatrixAssert.Random(g, dtype, m, n);
            var (u, s, vt) = TN.Linalg.Svd(a);
            int k = Math.Min(m, n);
            Assert.Equal([m, k], u.Shape.ToArray());
            Assert.Equal([k], s.Shape.ToArray());
            Assert.Equal([k, n], vt.Shape.ToArray());
            Assert.Equal(dtype, u.DType);
            double[] sv = s.ToArray<double>();
            for (int i = 1; i < k; i++) Assert.True(sv[i - 1] >= sv[i] && sv[i] >= 0, $"{m}×{n}: singular values must be descending and non-negative: {string.Join(", ", sv)}");
            double[] us = MatrixAssert.ScaleColumns(u.ToArray<double>(), m, k, sv);
            MatrixAssert.Close(a.ToArray<double>(), MatrixAssert.Multiply(us, m, k, vt.ToArray<double>(), n), tol, $"{m}×{n} U·S·Vt");
            MatrixAssert.OrthonormalColumns(u.ToArray<double>(), m, k, tol, $"{m}×{n} U");
            MatrixAssert.OrthonormalRows(vt.ToArray<double>(), k, n, tol, $"{m}×{n} Vt");
        }
    }

    [Fact]
    public void Svd_FindsKnownSingularValues()
    {
        var a = TN.Tensor(new double[,] { { 3, 0 }, { 0, -4 }, { 0, 0 } });
        Assert.Equal([4.0, 3.0], TN.Linalg.Svd(a).S.ToArray<double>().Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Svd_LeavesTheInputUnchanged()
    {
        Tensor a = MatrixAssert.Random(new Generator(22), DType.Float64, 6, 4);
        double[] before = a.ToArray<double>();
        TN.Linalg.Svd(a);
        Assert.Equal(before, a.ToArray<double>());
    }

    [Fact]
    public void Svd_ThrowsWhenRecordingAGradient()
    {
        Tensor a = MatrixAssert.Random(new Generator(23), DType.Float64, 3, 3).RequiringGrad();
        var e = Assert.Throws<InvalidOperationException>(() => TN.Linalg.Svd(a));
        Assert.Contains("not differentiable yet", e.Message);
        Assert.Contains("TN.NoGrad()", e.Message);
        Assert.Contains("Detach()", e.Message);
        using (TN.NoGrad()) Assert.Equal(3, TN.Linalg.Svd(a).S.ElementCount);
        Assert.Equal(3, TN.Linalg.Svd(a.Detach()).S.ElementCount);
    }

    [Fact]
    public void Svd_ThrowsForNon2DInputNamingTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Svd(TN.Zeros(2, 3, 4)));
        Assert.Contains("[2, 3, 4]", e.Message);
        Assert.Contains("2-D", e.Message);
    }

    [Fact]
    public void Svd_ThrowsForNonFiniteEntryNamingItsPosition()
    {
        var a = TN.Tensor(new double[,] { { 1, 2, 3 }, { 4, double.NaN, 6 } });
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Svd(a));
        Assert.Contains("NaN", e.Message);
        Assert.Contains("[1, 1]", e.Message);
        var f = TN.Tensor(new float[] { 1, float.PositiveInfinity, 0, 1 }, 2, 2);
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => TN.Linalg.Svd(f)).Message);
    }
}
