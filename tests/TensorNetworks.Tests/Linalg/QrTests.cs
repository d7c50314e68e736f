namespace TensorNetworks.Tests.Linalg;

public sealed class QrTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Qr_ReconstructsInputWithOrthonormalQAndTriangularR(DType dtype)
    {
        var g = new Generator(31);
        double tol = MatrixAssert.Tolerance(dtype);
        foreach ((int m, int n) in MatrixAssert.Shapes)
        {
            Tensor a = MatrixAssert.Random(g, dtype, m, n);
            var (q, r) = TN.Linalg.Qr(a);
            int k = Math.Min(m, n);
            Assert.Equal([m, k], q.Shape.ToArray());
            Assert.Equal([k, n], r.Shape.ToArray());
            double[] rv = r.ToArray<double>();
            for (int i = 0; i < k; i++)
            for (int j = 0; j < Math.Min(i, n); j++)
                Assert.True(rv[i * n + j] == 0, $"{m}×{n}: R[{i}, {j}] = {rv[i * n + j]} below the diagonal");
            MatrixAssert.Close(a.ToArray<double>(), MatrixAssert.Multiply(q.ToArray<double>(), m, k, rv, n), tol, $"{m}×{n} Q·R");
            MatrixAssert.OrthonormalColumns(q.ToArray<double>(), m, k, tol, $"{m}×{n} Q");
        }
    }

    [Fact]
    public void Qr_ThrowsForNon2DInput()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Qr(TN.Zeros(4)));
        Assert.Contains("[4]", e.Message);
    }
}
