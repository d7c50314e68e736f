using TensorNetworks.Backends;
using TensorNetworks.Tests.Linalg;

namespace TensorNetworks.Tests.Backends;

/// <summary>Every <see cref="ILapack"/> implementation on raw row-major spans, whatever TN_BACKEND selects.</summary>
public sealed class LapackTests
{
    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Svd_ReconstructsInputOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        var g = new Generator(81);
        foreach ((int m, int n) in new[] { (7, 4), (4, 7), (6, 6), (50, 3) })
        {
            int k = Math.Min(m, n);
            double[] a = GemmReference.Random(g, m * n), u = new double[m * k], s = new double[k], vt = new double[k * n];
            lapack.Svd(m, n, (double[])a.Clone(), u, s, vt);
            MatrixAssert.Close(a, MatrixAssert.Multiply(MatrixAssert.ScaleColumns(u, m, k, s), m, k, vt, n), 1e-12, $"{backend} {m}×{n}");
            MatrixAssert.OrthonormalColumns(u, m, k, 1e-12, $"{backend} {m}×{n} U");

            float[] af = GemmReference.ToFloat(a), uf = new float[m * k], sf = new float[k], vtf = new float[k * n];
            lapack.Svd(m, n, af, uf, sf, vtf);
            MatrixAssert.Close(s, GemmReference.ToDouble(sf), 1e-5, $"{backend} {m}×{n} float singular values");
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Qr_ReconstructsInputOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        var g = new Generator(82);
        foreach ((int m, int n) in new[] { (7, 4), (4, 7), (5, 5) })
        {
            int k = Math.Min(m, n);
            double[] a = GemmReference.Random(g, m * n), q = new double[m * k], r = new double[k * n];
            lapack.Qr(m, n, (double[])a.Clone(), q, r);
            MatrixAssert.Close(a, MatrixAssert.Multiply(q, m, k, r, n), 1e-12, $"{backend} {m}×{n} Q·R");
            MatrixAssert.OrthonormalColumns(q, m, k, 1e-12, $"{backend} {m}×{n} Q");
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Lq_ReconstructsInputOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        var g = new Generator(87);
        foreach ((int m, int n) in new[] { (7, 4), (4, 7), (5, 5), (40, 160) })
        {
            int k = Math.Min(m, n);
            double[] a = GemmReference.Random(g, m * n), l = new double[m * k], q = new double[k * n];
            lapack.Lq(m, n, (double[])a.Clone(), l, q);
            MatrixAssert.Close(a, MatrixAssert.Multiply(l, m, k, q, n), 1e-12, $"{backend} {m}×{n} L·Q");
            MatrixAssert.OrthonormalRows(q, k, n, 1e-12, $"{backend} {m}×{n} Q");
            for (int i = 0; i < m; i++)
            for (int j = i + 1; j < k; j++)
                Assert.True(l[i * k + j] == 0, $"{backend} {m}×{n}: L[{i}, {j}] = {l[i * k + j]} above the diagonal");

            float[] af = GemmReference.ToFloat(a), lf = new float[m * k], qf = new float[k * n];
            lapack.Lq(m, n, af, lf, qf);
            MatrixAssert.OrthonormalRows(GemmReference.ToDouble(qf), k, n, 1e-5, $"{backend} {m}×{n} float Q");
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void SymmetricEig_ReconstructsInputOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        int n = 9;
        double[] x = GemmReference.Random(new Generator(83), n * n), a = new double[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) a[i * n + j] = x[i * n + j] + x[j * n + i];
        double[] w = new double[n], v = new double[n * n];
        lapack.SymmetricEig(n, (double[])a.Clone(), w, v);
        MatrixAssert.Close(a, MatrixAssert.Multiply(MatrixAssert.ScaleColumns(v, n, n, w), n, n, MatrixAssert.Transpose(v, n, n), n), 1e-12, backend);
        Assert.True(w.SequenceEqual(w.Order()), $"{backend}: eigenvalues must ascend");
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Solve_SolvesMultipleRightHandSidesOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        int n = 6, r = 3;
        double[] a = GemmReference.Random(new Generator(84), n * n), b = GemmReference.Random(new Generator(85), n * r);
        for (int i = 0; i < n; i++) a[i * n + i] += 5;
        double[] x = (double[])b.Clone();
        lapack.Solve(n, r, (double[])a.Clone(), x);
        MatrixAssert.Close(b, MatrixAssert.Multiply(a, n, n, x, r), 1e-12, backend);
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Solve_ThrowsLinalgExceptionNamingRoutineInfoAndShapeOnEveryBackend(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        float[] a = [1, 2, 3, 0, 0, 0, 4, 5, 6];
        var e = Assert.Throws<LinalgException>(() => lapack.Solve(3, 1, a, new float[3]));
        Assert.True(e.Info > 0, $"info {e.Info}");
        Assert.Contains($"info = {e.Info}", e.Message);
        Assert.Contains("3×3", e.Message);
        Assert.Contains(backend == "openblas" ? "sgesv" : "LU", e.Routine);
    }

    [Theory]
    [MemberData(nameof(BlasBackends.LapackNames), MemberType = typeof(BlasBackends))]
    public void Svd_ThrowsForTooShortSpans(string backend)
    {
        ILapack lapack = BlasBackends.Lapack(backend);
        var e = Assert.Throws<ArgumentException>(() => lapack.Svd(3, 2, new double[6], new double[5], new double[2], new double[4]));
        Assert.Contains("u has 5 elements", e.Message);
        Assert.Contains("needs 6", e.Message);
    }

    [Fact]
    public void OpenBlasGram_MatchesTheProductWithTheTransposeInBothLayouts()
    {
        if (!BlasBackends.OpenBlasLoaded) return;
        foreach ((int n, int k) in new[] { (4, 3000), (16, 700), (70, 90), (1, 5), (5, 1) })
        {
            double[] a = GemmReference.Random(new Generator(88), n * k), g = new double[n * n], gt = new double[n * n];
            OpenBlasLapack.Gram<double>(transposed: false, n, k, a, g);
            MatrixAssert.Close(MatrixAssert.Multiply(a, n, k, MatrixAssert.Transpose(a, n, k), n), g, 1e-11, $"{n}×{k} A·Aᵀ");
            double[] b = MatrixAssert.Transpose(a, n, k);
            OpenBlasLapack.Gram<double>(transposed: true, n, k, b, gt);
            MatrixAssert.Close(g, gt, 1e-11, $"{k}×{n} BᵀB");
            float[] gf = new float[n * n];
            OpenBlasLapack.Gram<float>(transposed: false, n, k, GemmReference.ToFloat(a), gf);
            MatrixAssert.Close(g, GemmReference.ToDouble(gf), 1e-3 * Math.Sqrt(k), $"{n}×{k} float A·Aᵀ");
        }
        double[] stale = [7, 7, 7, 7];
        OpenBlasLapack.Gram<double>(false, 2, 0, [], stale);
        Assert.Equal(new double[4], stale);
    }

    [Fact]
    public void Backends_AgreeOnSingularValuesAndEigenvalues()
    {
        if (!BlasBackends.OpenBlasLoaded) return;
        int m = 20, n = 12;
        double[] a = GemmReference.Random(new Generator(86), m * n);
        double[] s1 = new double[n], s2 = new double[n];
        new ManagedLapack().Svd(m, n, (double[])a.Clone(), new double[m * n], s1, new double[n * n]);
        new OpenBlasLapack().Svd(m, n, (double[])a.Clone(), new double[m * n], s2, new double[n * n]);
        MatrixAssert.Close(s2, s1, 1e-12, "singular values");
    }
}
