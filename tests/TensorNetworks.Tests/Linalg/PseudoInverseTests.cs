namespace TensorNetworks.Tests.Linalg;

public sealed class PseudoInverseTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void PseudoInverse_SatisfiesThePenroseConditions(DType dtype)
    {
        var g = new Generator(71);
        double tol = MatrixAssert.Tolerance(dtype) * 50;
        foreach ((int m, int n) in new[] { (6, 4), (4, 6), (5, 5), (1, 3) })
        {
            Tensor a = MatrixAssert.Random(g, dtype, m, n);
            Tensor p = TN.Linalg.PseudoInverse(a);
            Assert.Equal([n, m], p.Shape.ToArray());
            double[] av = a.ToArray<double>(), pv = p.ToArray<double>();
            double[] ap = MatrixAssert.Multiply(av, m, n, pv, m), pa = MatrixAssert.Multiply(pv, n, m, av, n);
            MatrixAssert.Close(av, MatrixAssert.Multiply(ap, m, m, av, n), tol, $"{m}×{n} A·A⁺·A = A");
            MatrixAssert.Close(pv, MatrixAssert.Multiply(pa, n, n, pv, m), tol, $"{m}×{n} A⁺·A·A⁺ = A⁺");
            MatrixAssert.Close(ap, MatrixAssert.Transpose(ap, m, m), tol, $"{m}×{n} A·A⁺ symmetric");
            MatrixAssert.Close(pa, MatrixAssert.Transpose(pa, n, n), tol, $"{m}×{n} A⁺·A symmetric");
        }
    }

    [Fact]
    public void PseudoInverse_DropsSingularValuesBelowTheCutoff()
    {
        var a = TN.Tensor(new double[,] { { 1, 0 }, { 0, 1e-9 } });
        MatrixAssert.Close([1, 0, 0, 1e9], TN.Linalg.PseudoInverse(a).ToArray<double>(), 1e-9, "default cutoff keeps 1e-9");
        MatrixAssert.Close([1, 0, 0, 0], TN.Linalg.PseudoInverse(a, relativeCutoff: 1e-6).ToArray<double>(), 1e-12, "cutoff 1e-6 drops it");
    }

    [Fact]
    public void PseudoInverse_OfZerosIsZeros()
        => Assert.All(TN.Linalg.PseudoInverse(TN.Zeros(DType.Float64, 3, 2)).ToArray<double>(), x => Assert.Equal(0.0, x));

    [Fact]
    public void PseudoInverse_ThrowsForANonFiniteCutoff()
        => Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linalg.PseudoInverse(TN.Eye(2), double.NaN));
}
