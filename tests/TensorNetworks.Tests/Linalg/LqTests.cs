namespace TensorNetworks.Tests.Linalg;

public sealed class LqTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Lq_ReconstructsInputWithLowerLAndOrthonormalRowsOfQ(DType dtype)
    {
        var g = new Generator(37);
        double tol = MatrixAssert.Tolerance(dtype);
        foreach ((int m, int n) in MatrixAssert.Shapes)
        {
            Tensor a = MatrixAssert.Random(g, dtype, m, n);
            var (l, q) = TN.Linalg.Lq(a);
            int k = Math.Min(m, n);
            Assert.Equal([m, k], l.Shape.ToArray());
            Assert.Equal([k, n], q.Shape.ToArray());
            double[] lv = l.ToArray<double>();
            for (int i = 0; i < m; i++)
            for (int j = i + 1; j < k; j++)
                Assert.True(lv[i * k + j] == 0, $"{m}×{n}: L[{i}, {j}] = {lv[i * k + j]} above the diagonal");
            MatrixAssert.Close(a.ToArray<double>(), MatrixAssert.Multiply(lv, m, k, q.ToArray<double>(), n), tol, $"{m}×{n} L·Q");
            MatrixAssert.OrthonormalRows(q.ToArray<double>(), k, n, tol, $"{m}×{n} Q");
        }
    }

    [Fact]
    public void Lq_IsTheTransposeOfTheQrOfTheTranspose()
    {
        Tensor a = MatrixAssert.Random(new Generator(38), DType.Float64, 6, 15);
        var (l, q) = TN.Linalg.Lq(a);
        var (qt, r) = TN.Linalg.Qr(a.Transpose(0, 1));
        // Householder QR is unique up to the signs of R's diagonal, so compare |L| with |Rᵀ| and L·Q with A.
        MatrixAssert.Close(r.Transpose(0, 1).Abs().ToArray<double>(), l.Abs().ToArray<double>(), 1e-12, "|L| = |Rᵀ|");
        MatrixAssert.Close(qt.Transpose(0, 1).Abs().ToArray<double>(), q.Abs().ToArray<double>(), 1e-12, "|Q| = |Q_Aᵀᵀ|");
    }

    [Fact]
    public void Lq_LeavesItsInputUnchanged()
    {
        Tensor a = MatrixAssert.Random(new Generator(39), DType.Float64, 4, 9);
        double[] before = a.ToArray<double>();
        _ = TN.Linalg.Lq(a);
        Assert.Equal(before, a.ToArray<double>());
    }

    [Fact]
    public void Lq_ThrowsForNon2DInput()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Lq(TN.Zeros(2, 3, 4)));
        Assert.Contains("[2, 3, 4]", e.Message);
    }
}
