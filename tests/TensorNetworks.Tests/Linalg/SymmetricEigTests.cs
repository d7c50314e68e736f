namespace TensorNetworks.Tests.Linalg;

public sealed class SymmetricEigTests
{
    private static Tensor RandomSymmetric(Generator g, DType dtype, int n)
    {
        double[] x = MatrixAssert.Random(g, dtype, n, n).ToArray<double>();
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) s[i * n + j] = (x[i * n + j] + x[j * n + i]) / 2;
        return TN.Tensor(s, n, n).To(dtype);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SymmetricEig_ReconstructsInputWithOrthonormalVectorsAndAscendingValues(DType dtype)
    {
        var g = new Generator(41);
        double tol = MatrixAssert.Tolerance(dtype);
        foreach (int n in new[] { 1, 2, 5, 16, 37 })
        {
            Tensor a = RandomSymmetric(g, dtype, n);
            var (w, v) = TN.Linalg.SymmetricEig(a);
            Assert.Equal([n], w.Shape.ToArray());
            Assert.Equal([n, n], v.Shape.ToArray());
            double[] values = w.ToArray<double>(), vectors = v.ToArray<double>();
            for (int i = 1; i < n; i++) Assert.True(values[i - 1] <= values[i], $"n={n}: eigenvalues must ascend: {string.Join(", ", values)}");
            double[] vw = MatrixAssert.ScaleColumns(vectors, n, n, values);
            MatrixAssert.Close(a.ToArray<double>(), MatrixAssert.Multiply(vw, n, n, MatrixAssert.Transpose(vectors, n, n), n), tol * n, $"n={n} V·diag(w)·Vᵀ");
            MatrixAssert.OrthonormalColumns(vectors, n, n, tol * n, $"n={n} V");
        }
    }

    [Fact]
    public void SymmetricEig_FindsKnownEigenpairs()
    {
        var (w, v) = TN.Linalg.SymmetricEig(TN.Tensor(new double[,] { { 2, 1 }, { 1, 2 } }));
        MatrixAssert.Close([1, 3], w.ToArray<double>(), 1e-12, "eigenvalues");
        double[] x = v.ToArray<double>();
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(x[1]), 12);
        Assert.Equal(Math.Sign(x[1]), Math.Sign(x[3]));
    }

    [Fact]
    public void SymmetricEig_ReadsOnlyTheLowerTriangle()
    {
        var upperGarbage = TN.Tensor(new double[,] { { 2, 100 }, { 1, 2 } });
        MatrixAssert.Close([1, 3], TN.Linalg.SymmetricEig(upperGarbage).Values.ToArray<double>(), 1e-12, "eigenvalues");
    }

    [Fact]
    public void SymmetricEig_ThrowsForNonSquareInput()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.SymmetricEig(TN.Zeros(2, 3)));
        Assert.Contains("square", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("Svd", e.Message);
    }
}
