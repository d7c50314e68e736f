namespace TensorNetworks.Tests.Linalg;

public sealed class GramSvdTests
{
    /// <summary>An m×n matrix Q₁·diag(σ)·Q₂ᵀ with the given singular values (m ≤ n) and random orthonormal Q₁, Q₂.</summary>
    private static Tensor Planted(Generator g, DType dtype, int m, int n, double[] sigma)
    {
        Tensor left = TN.Linalg.Qr(TN.Randn(g, DType.Float64, m, sigma.Length)).Q;
        Tensor right = TN.Linalg.Qr(TN.Randn(g, DType.Float64, n, sigma.Length)).Q;
        Tensor scaled = left * TN.Tensor(sigma).Reshape(1, sigma.Length);
        return TN.Einsum("ik,jk->ij", scaled, right).To(dtype);
    }

    private static double Tolerance(DType dtype) => dtype == DType.Float32 ? 5e-3 : 1e-10;

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void GramSvd_MatchesSvdOnRandomMatrices(DType dtype)
    {
        var g = new Generator(141);
        foreach ((int m, int n) in new[] { (1, 5), (6, 50), (20, 300), (8, 8) })
        {
            Tensor a = MatrixAssert.Random(g, dtype, m, n);
            GramSvdResult gram = TN.Linalg.GramSvd(a, 0);
            var (u, s, _) = TN.Linalg.Svd(a);
            Assert.Equal([m, m], gram.U.Shape.ToArray());
            Assert.Equal(dtype, gram.U.DType);
            double[] expected = s.ToArray<double>(), actual = gram.S.ToArray<double>();
            MatrixAssert.Close(expected, actual, Tolerance(dtype) * expected[0], $"{m}×{n} singular values");
            MatrixAssert.OrthonormalColumns(gram.U.ToArray<double>(), m, m, MatrixAssert.Tolerance(dtype) * m, $"{m}×{n} U");
            AssertSameColumnsUpToSign(u, gram.U, m, Tolerance(dtype) * 100, $"{m}×{n}");
            Assert.True(gram.IsAccurate(m), $"{m}×{n}: a random matrix is well conditioned");
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void GramSvd_FindsPlantedValuesAndVectors_AndFlagsTheZeroTail(DType dtype)
    {
        double[] sigma = [8, 4, 2, 1, 0.5];
        Tensor a = Planted(new Generator(142), dtype, 9, 60, sigma);
        GramSvdResult gram = TN.Linalg.GramSvd(a, 0);
        var (u, _, _) = TN.Linalg.Svd(a);
        double[] values = gram.S.ToArray<double>();
        MatrixAssert.Close(sigma, values[..5], Tolerance(dtype) * sigma[0], "planted singular values");
        AssertSameColumnsUpToSign(u.Narrow(1, 0, 5), gram.U.Narrow(1, 0, 5), 9, Tolerance(dtype), "planted vectors");
        Assert.True(gram.IsAccurate(5));
        Assert.False(gram.IsAccurate(6), $"the zero tail [{string.Join(", ", values[5..])}] is below τ·σ₀ and must be refused");
    }

    [Fact]
    public void GramSvd_OfAModeMatchesTheSvdOfTheUnfolding()
    {
        Tensor x = TN.Randn(new Generator(143), DType.Float64, 4, 5, 40);
        for (int mode = 0; mode < 3; mode++)
        {
            double[] expected = TN.Linalg.Svd(TN.Linalg.Unfold(x, mode)).S.ToArray<double>();
            MatrixAssert.Close(expected, TN.Linalg.GramSvd(x, mode).S.ToArray<double>()[..expected.Length], 1e-10 * expected[0], $"mode {mode}");
        }
    }

    [Fact]
    public void GramSvd_TallUnfoldingHasZeroTrailingValues()
    {
        GramSvdResult gram = TN.Linalg.GramSvd(MatrixAssert.Random(new Generator(144), DType.Float64, 7, 3), 0);
        Assert.Equal(7, gram.S.ElementCount);
        Assert.False(gram.IsAccurate(4));
        Assert.True(gram.IsAccurate(3));
    }

    [Fact]
    public void IsAccurate_RefusesValuesBelowTheThreshold()
    {
        Tensor a = Planted(new Generator(145), DType.Float64, 3, 30, [1, 1e-3, 1e-9]);
        GramSvdResult gram = TN.Linalg.GramSvd(a, 0);
        Assert.True(gram.IsAccurate(2));
        Assert.False(gram.IsAccurate(3));
        Assert.Equal(64 * Math.Sqrt(Math.Pow(2, -52)), GramSvdResult.Threshold(DType.Float64), 1e-20);
        Assert.Equal(64 * Math.Sqrt(Math.Pow(2, -23)), GramSvdResult.Threshold(DType.Float32), 1e-9);
        Assert.True(TN.Linalg.GramSvd(TN.Zeros(DType.Float64, 2, 5), 0).IsAccurate(2), "every basis of a zero matrix is exact");
    }

    [Fact]
    public void IsAccurate_ThrowsForARankOutOfRange()
    {
        GramSvdResult gram = TN.Linalg.GramSvd(TN.Ones(DType.Float64, 2, 4), 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => gram.IsAccurate(3));
        Assert.Contains("1..2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => gram.IsAccurate(0));
    }

    [Fact]
    public void GramSvd_ThrowsForNonFiniteEntries()
    {
        var a = TN.Tensor(new double[,] { { 1, 2, 3 }, { 4, double.NaN, 6 } });
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.GramSvd(a, 0));
        Assert.Contains("not finite", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void SvdFromGram_OfARotatedGram_GivesTheRotatedMatrixsFactors()
    {
        // X = L·X' with L orthogonal: G = L·(X'X'ᵀ)·Lᵀ is X's Gram matrix, so SvdFromGram(G) must match the SVD of X.
        var g = new Generator(147);
        Tensor xPrime = TN.Randn(g, DType.Float64, 12, 90);
        Tensor l = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 12, 12)).Q;
        Tensor x = TN.MatMul(l, xPrime);
        GramSvdResult fromGram = TN.Linalg.SvdFromGram(TN.MatMul(TN.MatMul(l, TN.Linalg.Gram(xPrime, 0)), l.Transpose(0, 1)));
        var (u, s, _) = TN.Linalg.Svd(x);
        MatrixAssert.Close(s.ToArray<double>(), fromGram.S.ToArray<double>(), 1e-10 * s[0], "singular values");
        AssertSameColumnsUpToSign(u, fromGram.U, 12, 1e-8, "left vectors");
    }

    [Fact]
    public void SvdFromGram_ThrowsForANonSquareMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.SvdFromGram(TN.Ones(DType.Float64, 2, 3)));
        Assert.Contains("[2, 3]", e.Message);
    }

    private static void AssertSameColumnsUpToSign(Tensor expected, Tensor actual, int rows, double tolerance, string what)
    {
        int cols = expected.Size(1);
        double[] e = expected.ToArray<double>(), a = actual.ToArray<double>();
        for (int j = 0; j < cols; j++)
        {
            double dot = 0;
            for (int i = 0; i < rows; i++) dot += e[i * cols + j] * a[i * cols + j];
            Assert.True(Math.Abs(Math.Abs(dot) - 1) < tolerance, $"{what}: column {j} differs beyond sign (|uᵀû| = {Math.Abs(dot)})");
        }
    }
}
