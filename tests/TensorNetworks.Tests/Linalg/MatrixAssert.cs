namespace TensorNetworks.Tests.Linalg;

/// <summary>Naive double-precision matrix helpers and tolerance-aware assertions for factorization tests.</summary>
internal static class MatrixAssert
{
    /// <summary>Relative tolerance for reconstruction and orthogonality checks of each dtype.</summary>
    public static double Tolerance(DType dtype) => dtype == DType.Float32 ? 5e-5 : 1e-12;

    /// <summary>Standard normal m×n matrix from a seeded generator.</summary>
    public static Tensor Random(Generator g, DType dtype, int m, int n) => TN.Randn(g, dtype, m, n);

    /// <summary>(m×k)·(k×n), row-major.</summary>
    public static double[] Multiply(double[] a, int m, int k, double[] b, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        for (int p = 0; p < k; p++)
        {
            double x = a[i * k + p];
            for (int j = 0; j < n; j++) c[i * n + j] += x * b[p * n + j];
        }
        return c;
    }

    /// <summary>The transpose of a row-major rows×cols matrix.</summary>
    public static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    /// <summary>Multiplies column j of a rows×cols matrix by d[j].</summary>
    public static double[] ScaleColumns(double[] a, int rows, int cols, double[] d)
    {
        var r = (double[])a.Clone();
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) r[i * cols + j] *= d[j];
        return r;
    }

    /// <summary>The n×n identity.</summary>
    public static double[] Identity(int n)
    {
        var e = new double[n * n];
        for (int i = 0; i < n; i++) e[i * n + i] = 1;
        return e;
    }

    /// <summary>Asserts max |expected − actual| ≤ tolerance · max(1, max |expected|).</summary>
    public static void Close(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1;
        foreach (double x in expected) scale = Math.Max(scale, Math.Abs(x));
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(expected[i] - actual[i]);
            if (!(diff <= tolerance * scale))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (difference {diff:G3}, allowed {tolerance * scale:G3}).");
        }
    }

    /// <summary>Asserts that the rows×cols matrix q has orthonormal columns: QᵀQ = I.</summary>
    public static void OrthonormalColumns(double[] q, int rows, int cols, double tolerance, string what)
        => Close(Identity(cols), Multiply(Transpose(q, rows, cols), cols, rows, q, cols), tolerance, $"{what}: QᵀQ = I");

    /// <summary>Asserts that the rows×cols matrix has orthonormal rows: V·Vᵀ = I.</summary>
    public static void OrthonormalRows(double[] v, int rows, int cols, double tolerance, string what)
        => Close(Identity(rows), Multiply(v, rows, cols, Transpose(v, rows, cols), rows), tolerance, $"{what}: V·Vᵀ = I");

    /// <summary>Shapes that cover tall, wide, square, vector-like and empty matrices.</summary>
    public static readonly (int M, int N)[] Shapes = [(1, 1), (5, 3), (3, 5), (8, 8), (40, 7), (7, 40), (33, 33), (1, 6), (6, 1), (0, 3)];
}
