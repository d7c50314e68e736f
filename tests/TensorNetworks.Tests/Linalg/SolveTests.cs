namespace TensorNetworks.Tests.Linalg;

public sealed class SolveTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Solve_SatisfiesTheSystemForVectorAndMatrixRightHandSides(DType dtype)
    {
        var g = new Generator(51);
        double tol = MatrixAssert.Tolerance(dtype) * 20;
        foreach (int n in new[] { 1, 3, 10, 31 })
        {
            double[] a = MatrixAssert.Random(g, DType.Float64, n, n).ToArray<double>();
            for (int i = 0; i < n; i++) a[i * n + i] += n;
            Tensor at = TN.Tensor(a, n, n).To(dtype);
            foreach (int r in new[] { 0, 1, 4 })
            {
                Tensor b = r == 0 ? TN.Randn(g, dtype, n) : TN.Randn(g, dtype, n, r);
                Tensor x = TN.Linalg.Solve(at, b);
                Assert.Equal(b.Shape, x.Shape);
                Assert.Equal(dtype, x.DType);
                int cols = r == 0 ? 1 : r;
                MatrixAssert.Close(b.ToArray<double>(), MatrixAssert.Multiply(at.ToArray<double>(), n, n, x.ToArray<double>(), cols), tol, $"n={n} r={r} A·X");
            }
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Solve_ThrowsLinalgExceptionWithInfoForASingularMatrix(DType dtype)
    {
        var a = TN.Tensor(new double[,] { { 1, 2 }, { 2, 4 } }).To(dtype);
        var e = Assert.Throws<LinalgException>(() => TN.Linalg.Solve(a, TN.Ones(dtype, 2)));
        Assert.Equal(2, e.Info);
        Assert.Contains("singular", e.Message);
        Assert.Contains("2×2", e.Message);
        Assert.Contains("LeastSquares", e.Message);
    }

    [Fact]
    public void Solve_ThrowsForMismatchedRightHandSideRows()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Solve(TN.Eye(3, dtype: DType.Float64), TN.Ones(DType.Float64, 4, 2)));
        Assert.Contains("4 rows", e.Message);
        Assert.Contains("[3] or [3, r]", e.Message);
    }

    [Fact]
    public void Solve_ThrowsForNonSquareMatrixPointingToLeastSquares()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Solve(TN.Zeros(DType.Float64, 3, 2), TN.Ones(DType.Float64, 3)));
        Assert.Contains("[3, 2]", e.Message);
        Assert.Contains("LeastSquares", e.Message);
    }

    [Fact]
    public void Solve_ThrowsForMixedDTypes()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Solve(TN.Eye(2, dtype: DType.Float64), TN.Ones(DType.Float32, 2)));
        Assert.Contains("Float64", e.Message);
        Assert.Contains("Float32", e.Message);
    }

    [Fact]
    public void Solve_ThrowsForANonFiniteRightHandSide()
    {
        var b = TN.Tensor(new[] { 1.0, double.PositiveInfinity });
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Solve(TN.Eye(2, dtype: DType.Float64), b));
        Assert.Contains("b has the non-finite value", e.Message);
        Assert.Contains("[1]", e.Message);
    }
}
