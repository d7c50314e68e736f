using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class CholeskyLqTests
{
    [Fact]
    public void TryFactor_OfAWellConditionedWideMatrix_GivesLowerLAndOrthonormalQ()
    {
        Tensor a = TN.Randn(new Generator(40), DType.Float64, 40, 160);
        var (l, q) = CholeskyLq.TryFactor(a)!;
        Assert.Equal([40, 40], l.Shape.ToArray());
        Assert.Equal([40, 160], q.Shape.ToArray());
        double[] lower = l.ToArray<double>();
        for (int i = 0; i < 40; i++)
        {
            Assert.True(lower[i * 40 + i] > 0);
            for (int j = i + 1; j < 40; j++) Assert.Equal(0, lower[i * 40 + j]);
        }
        Close(TN.Eye(40, dtype: DType.Float64), TN.MatMul(q, q.Transpose(0, 1)), 1e-13);
        Close(a, TN.MatMul(l, q), 1e-13);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(4, 8)]
    [InlineData(7, 163)]
    [InlineData(9, 17)]
    [InlineData(13, 40)]
    public void TryFactor_OfRaggedShapes_ReconstructsWithOrthonormalRows(int m, int n)
    {
        Tensor a = TN.Randn(new Generator((ulong)(m * 1000 + n)), DType.Float64, m, n);
        var (l, q) = CholeskyLq.TryFactor(a)!;
        Close(TN.Eye(m, dtype: DType.Float64), TN.MatMul(q, q.Transpose(0, 1)), 1e-13);
        Close(a, TN.MatMul(l, q), 1e-13);
    }

    [Fact]
    public void TryFactor_RefusesWhatItCannotFactorOrthonormally()
    {
        var g = new Generator(41);
        Tensor rows = TN.Randn(g, DType.Float64, 3, 50);
        Assert.Null(CholeskyLq.TryFactor(TN.Cat([rows, rows], 0)));                       // rank-deficient: a zero pivot
        Tensor u = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 3, 3)).Q, scales = TN.Tensor(new[] { 1.0, 1e-3, 1e-5 }).Reshape(3, 1);
        Tensor v = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 50, 3)).Q.Transpose(0, 1);
        Assert.Null(CholeskyLq.TryFactor(TN.MatMul(u, scales * v)));                     // κ = 1e5: the pivots pass, Q is orthonormal only to ~1e-6
        Assert.Null(CholeskyLq.TryFactor(TN.Randn(g, DType.Float64, 50, 3)));              // tall
        Assert.Null(CholeskyLq.TryFactor(TN.Randn(g, DType.Float32, 3, 50)));              // float32
    }
}
