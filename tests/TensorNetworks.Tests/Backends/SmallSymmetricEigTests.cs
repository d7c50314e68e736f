using TensorNetworks.Backends;
using TensorNetworks.Tests.Linalg;

namespace TensorNetworks.Tests.Backends;

public sealed class SmallSymmetricEigTests
{
    private static double[] RandomSymmetric(int seed, int n)
    {
        double[] x = GemmReference.Random(new Generator((ulong)seed), n * n), a = new double[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) a[i * n + j] = x[i * n + j] + x[j * n + i];
        return a;
    }

    /// <summary>V·diag(w)·Vᵀ for a random orthogonal V (the Q of a Gaussian matrix) and the given w.</summary>
    private static double[] Planted(int seed, double[] w)
    {
        int n = w.Length;
        double[] q = new double[n * n], r = new double[n * n];
        new ManagedLapack().Qr(n, n, GemmReference.Random(new Generator((ulong)seed), n * n), q, r);
        return MatrixAssert.Multiply(MatrixAssert.ScaleColumns(q, n, n, w), n, n, MatrixAssert.Transpose(q, n, n), n);
    }

    private static (double[] W, double[] V) Decompose(double[] a, int n)
    {
        double[] w = new double[n], v = new double[n * n];
        SmallSymmetricEig.Decompose<double>(n, a, w, v);
        return (w, v);
    }

    private static void AssertEigendecomposition(double[] a, int n, double[] w, double[] v, double tolerance, string what)
    {
        for (int i = 1; i < n; i++) Assert.True(w[i - 1] <= w[i], $"{what}: eigenvalues must ascend: {string.Join(", ", w)}");
        MatrixAssert.Close(a, MatrixAssert.Multiply(MatrixAssert.ScaleColumns(v, n, n, w), n, n, MatrixAssert.Transpose(v, n, n), n), tolerance, $"{what}: V·diag(w)·Vᵀ");
        MatrixAssert.OrthonormalColumns(v, n, n, tolerance, $"{what}: V");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(SmallSymmetricEig.MaxOrder)]
    public void Decompose_ReconstructsRandomMatricesWithOrthonormalVectors(int n)
    {
        double[] a = RandomSymmetric(100 + n, n);
        var (w, v) = Decompose(a, n);
        AssertEigendecomposition(a, n, w, v, 1e-13 * n, $"n={n}");
    }

    [Fact]
    public void Decompose_AgreesWithTheSingularValuesOfTheSameMatrix()
    {
        int n = 40;
        double[] a = RandomSymmetric(7, n), s = new double[n];
        new ManagedLapack().Svd(n, n, (double[])a.Clone(), new double[n * n], s, new double[n * n]);
        double[] magnitudes = [.. Decompose(a, n).W.Select(Math.Abs).OrderDescending()];
        MatrixAssert.Close(s, magnitudes, 1e-13, "|eigenvalues| against singular values");
    }

    [Fact]
    public void Decompose_RecoversPlantedEigenvaluesAndVectors()
    {
        double[] planted = [-3, -1e-3, 0.5, 2, 2.25, 7, 11, 40];
        int n = planted.Length;
        var (w, v) = Decompose(Planted(21, planted), n);
        MatrixAssert.Close(planted, w, 1e-13, "eigenvalues");
        double[] q = new double[n * n];
        new ManagedLapack().Qr(n, n, GemmReference.Random(new Generator(21), n * n), q, new double[n * n]);
        for (int j = 0; j < n; j++)
        {
            double cosine = 0;
            for (int i = 0; i < n; i++) cosine += q[i * n + j] * v[i * n + j];
            Assert.True(Math.Abs(Math.Abs(cosine) - 1) < 1e-12, $"eigenvector {j}: |cos| = {Math.Abs(cosine)} against the planted vector");
        }
    }

    [Fact]
    public void Decompose_HandlesRepeatedAndZeroEigenvalues()
    {
        int n = 40, r = 20;
        double[] c = GemmReference.Random(new Generator(5), n * r);
        double[] gram = MatrixAssert.Multiply(c, n, r, MatrixAssert.Transpose(c, n, r), n);
        var (w, v) = Decompose(gram, n);
        AssertEigendecomposition(gram, n, w, v, 1e-13 * n, "rank-20 Gram matrix");
        for (int j = 0; j < n - r; j++) Assert.True(Math.Abs(w[j]) < 1e-12 * w[^1], $"eigenvalue {j} = {w[j]} should vanish");

        double[] repeated = Planted(9, [1, 1, 1, 4, 4, 9]);
        var (wr, vr) = Decompose(repeated, 6);
        MatrixAssert.Close([1, 1, 1, 4, 4, 9], wr, 1e-13, "repeated eigenvalues");
        AssertEigendecomposition(repeated, 6, wr, vr, 1e-13, "repeated eigenvalues");
    }

    [Fact]
    public void Decompose_HandlesMatricesThatNeedNoReflection()
    {
        double[] diagonal = new double[25], zero = new double[9], tridiagonal = new double[100];
        for (int i = 0; i < 5; i++) diagonal[i * 5 + i] = 5 - 2 * i;
        for (int i = 0; i < 10; i++)
        {
            tridiagonal[i * 10 + i] = 2;
            if (i > 0) tridiagonal[i * 10 + i - 1] = tridiagonal[(i - 1) * 10 + i] = -1;
        }
        var (wd, vd) = Decompose(diagonal, 5);
        MatrixAssert.Close([-3, -1, 1, 3, 5], wd, 0, "diagonal");
        AssertEigendecomposition(diagonal, 5, wd, vd, 0, "diagonal");
        var (wz, vz) = Decompose(zero, 3);
        MatrixAssert.Close(new double[3], wz, 0, "zero matrix");
        MatrixAssert.Close(MatrixAssert.Identity(3), vz, 0, "zero matrix vectors");
        var (wt, vt) = Decompose(tridiagonal, 10);
        double[] expected = [.. Enumerable.Range(1, 10).Select(k => 2 - 2 * Math.Cos(k * Math.PI / 11))];
        MatrixAssert.Close(expected, wt, 1e-14, "second-difference matrix eigenvalues 2 − 2cos(kπ/11)");
        AssertEigendecomposition(tridiagonal, 10, wt, vt, 1e-14, "second-difference matrix");
    }

    [Fact]
    public void Decompose_KeepsSmallEigenvaluesOfAGradedMatrixToAbsoluteAccuracy()
    {
        double[] planted = [.. Enumerable.Range(0, 12).Select(k => Math.Pow(10, -k)).Order()];
        var (w, _) = Decompose(Planted(33, planted), 12);
        for (int j = 0; j < 12; j++)
            Assert.True(Math.Abs(w[j] - planted[j]) < 1e-14, $"eigenvalue {j}: {w[j]} against {planted[j]}");
    }

    [Theory]
    [InlineData(40, 8)]
    [InlineData(64, 8)]
    [InlineData(64, 16)]
    [InlineData(128, 8)]
    [InlineData(200, 16)]
    [InlineData(256, 8)]
    public void Decompose_ConvergesOnTheGramMatrixOfColumnsSpanningManyDecades(int n, int decades)
    {
        // MᵀM with M's columns scaled by 10^0 … 10^−decades: eigenvalues down to 10^−2·decades, below eps·‖A‖,
        // where the subdiagonal stays at the reduction's noise level and a purely local deflation test never passes.
        double[] m = GemmReference.Random(new Generator((ulong)(500 + n)), 2 * n * n), a = new double[n * n];
        for (int r = 0; r < 2 * n; r++)
        for (int j = 0; j < n; j++) m[r * n + j] *= Math.Pow(10, -decades * j / (n - 1.0));
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int r = 0; r < 2 * n; r++) sum += m[r * n + i] * m[r * n + j];
            a[i * n + j] = sum;
        }
        var (w, v) = Decompose(a, n);
        double norm = a.Max(Math.Abs);
        AssertEigendecomposition([.. a.Select(x => x / norm)], n, [.. w.Select(x => x / norm)], v, 1e-14 * n, $"n={n}, {decades} decades");
    }

    [Theory]
    [InlineData(2, 1e200)]
    [InlineData(5, 1e200)]
    [InlineData(5, 1e160)]
    [InlineData(5, 1e-160)]
    [InlineData(40, 1e-200)]
    [InlineData(40, 1e250)]
    public void Decompose_HandlesEntriesNearOverflowAndUnderflow(int n, double scale)
    {
        double[] a = RandomSymmetric(60 + n, n), scaled = [.. a.Select(x => x * scale)];
        var (w, v) = Decompose(a, n);
        var (ws, vs) = Decompose(scaled, n);
        MatrixAssert.Close(w, [.. ws.Select(x => x / scale)], 1e-13 * n, $"n={n} eigenvalues of A·{scale:G3}, divided back");
        MatrixAssert.OrthonormalColumns(vs, n, n, 1e-13 * n, $"n={n} scale {scale:G3} V");
        for (int j = 0; j < n; j++)
        {
            double cosine = 0;
            for (int i = 0; i < n; i++) cosine += v[i * n + j] * vs[i * n + j];
            Assert.True(Math.Abs(Math.Abs(cosine) - 1) < 1e-10, $"n={n} scale {scale:G3}: eigenvector {j} moved (|cos| = {Math.Abs(cosine)})");
        }
    }

    [Theory]
    [InlineData(1e-60)]
    [InlineData(1e-85)]
    [InlineData(1e-100)]
    [InlineData(1e-140)]
    [InlineData(1e-160)]
    [InlineData(1e-200)]
    [InlineData(1e-300)]
    public void Decompose_KeepsTheEigenvaluesOfABlockFarBelowTheRestToRelativeAccuracy(double tiny)
    {
        // diag(B, tiny·C): T splits exactly between the blocks, and C's sweeps run with r² = f² + g² near tiny²,
        // on either side of the 2⁻⁶⁰⁰ below which a rotation divides by r twice.
        int n = 10, big = 6, small = n - big;
        double[] b = RandomSymmetric(71, big), c = RandomSymmetric(72, small), a = new double[n * n];
        for (int i = 0; i < big; i++)
        for (int j = 0; j < big; j++) a[i * n + j] = b[i * big + j];
        for (int i = 0; i < small; i++)
        for (int j = 0; j < small; j++) a[(big + i) * n + big + j] = tiny * c[i * small + j];
        var (w, v) = Decompose(a, n);
        AssertEigendecomposition(a, n, w, v, 1e-13 * n, $"block {tiny:G3} below the rest");
        double[] expected = [.. Decompose(c, small).W];
        double[] found = [.. w.Where(x => Math.Abs(x) < 1e-20).Select(x => x / tiny).Order()];
        MatrixAssert.Close(expected, found, 1e-13, $"eigenvalues of the block {tiny:G3}·C, divided by {tiny:G3}");
    }

    [Fact]
    public void Decompose_ReadsOnlyTheLowerTriangle()
    {
        int n = 6;
        double[] a = RandomSymmetric(3, n), garbage = (double[])a.Clone();
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) garbage[i * n + j] = 1e6;
        MatrixAssert.Close(Decompose(a, n).W, Decompose(garbage, n).W, 0, "eigenvalues with garbage above the diagonal");
    }

    [Fact]
    public void Decompose_TakesFloat32InputThroughFloat64()
    {
        int n = 30;
        double[] a = RandomSymmetric(11, n);
        float[] af = GemmReference.ToFloat(a), w = new float[n], v = new float[n * n];
        SmallSymmetricEig.Decompose<float>(n, af, w, v);
        AssertEigendecomposition(GemmReference.ToDouble(af), n, GemmReference.ToDouble(w), GemmReference.ToDouble(v), 1e-6, "float32");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Decompose_ThrowsForNonFiniteInput(double bad)
    {
        double[] a = RandomSymmetric(4, 5);
        a[3 * 5 + 1] = bad;
        var e = Assert.Throws<LinalgException>(() => Decompose(a, 5));
        Assert.Contains("did not converge", e.Message);
        Assert.Contains("5×5", e.Message);
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Backends_DecomposeEitherSideOfTheManagedLimit(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        foreach (int n in new[] { 40, SmallSymmetricEig.MaxOrder, SmallSymmetricEig.MaxOrder + 1 })
        {
            double[] a = RandomSymmetric(200 + n, n), w = new double[n], v = new double[n * n];
            lapack.SymmetricEig(n, (double[])a.Clone(), w, v);
            AssertEigendecomposition(a, n, w, v, 1e-13 * n, $"{backend} n={n}");
        }
    }
}
