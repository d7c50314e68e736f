using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>A naive double-precision GEMM and seeded random matrices to check the real kernels against.</summary>
internal static class GemmReference
{
    /// <summary>C = alpha·op(A)·op(B) + beta·C in double, with BLAS's rule that beta = 0 ignores C.</summary>
    public static double[] Multiply(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, int lda,
        double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var result = (double[])c.Clone();
        for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int p = 0; p < k; p++)
                sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
            result[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
        }
        return result;
    }

    /// <summary>Standard normal values from a seeded generator.</summary>
    public static double[] Random(Generator g, int length)
    {
        var v = new double[length];
        for (int i = 0; i < v.Length; i++) v[i] = g.NextNormal();
        return v;
    }

    /// <summary>Elements a stored rows×cols matrix with leading dimension ld occupies.</summary>
    public static int Length(int rows, int cols, int ld) => rows == 0 ? 0 : (rows - 1) * ld + cols;

    /// <summary>Runs one GEMM case on a backend in the given dtype and asserts it matches the reference.</summary>
    public static void Check(IBlas blas, DType dtype, bool transA, bool transB, int m, int n, int k, double alpha, double beta, Generator g, int pad = 0)
    {
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        double[] a = Random(g, Math.Max(0, Length(transA ? k : m, transA ? m : k, Math.Max(1, lda))));
        double[] b = Random(g, Math.Max(0, Length(transB ? n : k, transB ? k : n, Math.Max(1, ldb))));
        double[] c = Random(g, Math.Max(0, Length(m, n, Math.Max(1, ldc))));
        lda = Math.Max(1, lda);
        ldb = Math.Max(1, ldb);
        ldc = Math.Max(1, ldc);
        if (dtype == DType.Float32)
        {
            float[] af = ToFloat(a), bf = ToFloat(b), cf = ToFloat(c);
            if (beta == 0) PoisonWindow(cf, m, n, ldc, float.NaN);
            double[] expected = Multiply(transA, transB, m, n, k, alpha, ToDouble(af), lda, ToDouble(bf), ldb, beta, ToDouble(cf), ldc);
            blas.Gemm(transA, transB, m, n, k, (float)alpha, af, lda, bf, ldb, (float)beta, cf, ldc);
            AssertClose(expected, ToDouble(cf), k, 1e-5, $"{blas.Name} f32 {Describe(transA, transB, m, n, k, alpha, beta, pad)}");
        }
        else
        {
            if (beta == 0) PoisonWindow(c, m, n, ldc, double.NaN);
            double[] expected = Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            blas.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            AssertClose(expected, c, k, 1e-13, $"{blas.Name} f64 {Describe(transA, transB, m, n, k, alpha, beta, pad)}");
        }
    }

    /// <summary>Asserts |x − y| ≤ tol·√(k+1)·(1 + |x|) elementwise, with NaN never equal to anything.</summary>
    public static void AssertClose(double[] expected, double[] actual, int k, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = tolerance * Math.Sqrt(k + 1);
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(expected[i] - actual[i]);
            if (!(diff <= scale * (1 + Math.Abs(expected[i]))))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (difference {diff:G3}).");
        }
    }

    /// <summary>Fills the m×n window of C with NaN: with beta = 0 a correct GEMM must never read it.</summary>
    private static void PoisonWindow<T>(T[] c, int m, int n, int ldc, T value)
    {
        for (int i = 0; i < m; i++) c.AsSpan(i * ldc, n).Fill(value);
    }

    public static float[] ToFloat(double[] v) => Array.ConvertAll(v, x => (float)x);

    public static double[] ToDouble(float[] v) => Array.ConvertAll(v, x => (double)x);

    private static string Describe(bool transA, bool transB, int m, int n, int k, double alpha, double beta, int pad)
        => $"{(transA ? "T" : "N")}{(transB ? "T" : "N")} m={m} n={n} k={k} alpha={alpha} beta={beta} pad={pad}";
}
