namespace TensorNetworks.Tests.Linalg;

public sealed class LeastSquaresTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void LeastSquares_SatisfiesTheNormalEquationsForTallFullRank(DType dtype)
    {
        var g = new Generator(61);
        int m = 30, n = 6;
        Tensor a = MatrixAssert.Random(g, dtype, m, n), b = TN.Randn(g, dtype, m, 2);
        Tensor x = TN.Linalg.LeastSquares(a, b);
        Assert.Equal([n, 2], x.Shape.ToArray());
        double[] av = a.ToArray<double>(), at = MatrixAssert.Transpose(av, m, n);
        double[] residual = MatrixAssert.Multiply(av, m, n, x.ToArray<double>(), 2);
        double[] bv = b.ToArray<double>();
        for (int i = 0; i < residual.Length; i++) residual[i] -= bv[i];
        MatrixAssert.Close(new double[n * 2], MatrixAssert.Multiply(at, n, m, residual, 2), MatrixAssert.Tolerance(dtype) * 50, "Aᵀ(Ax − b)");
    }

    [Fact]
    public void LeastSquares_RecoversAnExactSolutionOfAConsistentSystem()
    {
        var a = TN.Tensor(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        MatrixAssert.Close([1, 2], TN.Linalg.LeastSquares(a, TN.Tensor(new double[] { 1, 2, 3 })).ToArray<double>(), 1e-12, "x");
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void LeastSquares_ReturnsTheMinimumNormSolutionForRankDeficientInput(DType dtype)
    {
        // Columns 2 and 3 repeat column 1: every x with x1 + x2 + x3 = 3 solves it; the minimum-norm one is [1, 1, 1].
        var a = TN.Tensor(new double[,] { { 1, 1, 1 }, { 2, 2, 2 } }).To(dtype);
        Tensor x = TN.Linalg.LeastSquares(a, TN.Tensor(new double[] { 3, 6 }).To(dtype));
        MatrixAssert.Close([1, 1, 1], x.ToArray<double>(), MatrixAssert.Tolerance(dtype) * 10, "minimum-norm x");
    }

    [Fact]
    public void LeastSquares_ThrowsForANegativeCutoff()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linalg.LeastSquares(TN.Eye(2), TN.Ones(2), -1));
        Assert.Contains("relativeCutoff", e.Message);
    }

    [Fact]
    public void LeastSquares_ThrowsForMismatchedRows()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.LeastSquares(TN.Zeros(5, 2), TN.Ones(4)));
        Assert.Contains("[5, 2]", e.Message);
        Assert.Contains("[5] or [5, r]", e.Message);
    }
}
