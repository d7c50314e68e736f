namespace TensorNetworks.Backends;

/// <summary>
/// Checks a row-major GEMM call before any backend touches memory: extents non-negative, leading
/// dimensions at least the stored row length, and every span long enough for its matrix.
/// </summary>
internal static class GemmArguments
{
    /// <summary>Throws when the arguments of C = alpha·op(A)·op(B) + beta·C do not describe valid matrices.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When m, n or k is negative.</exception>
    /// <exception cref="ArgumentException">When a leading dimension is too small or a span too short.</exception>
    internal static void Validate(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"Gemm: extents must be >= 0, got m = {m}, n = {n}, k = {k}.");
        RequireMatrix("A", transA ? k : m, transA ? m : k, transA, aLength, lda);
        RequireMatrix("B", transB ? n : k, transB ? k : n, transB, bLength, ldb);
        RequireMatrix("C", m, n, false, cLength, ldc);
    }

    private static void RequireMatrix(string name, int rows, int cols, bool transposed, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentException($"Gemm: ld{name.ToLowerInvariant()} = {ld} is too small: {Stored(name, rows, cols, transposed)}, so its leading dimension must be >= {Math.Max(1, cols)}.");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < needed)
            throw new ArgumentException($"Gemm: {name} has {length} elements but {Stored(name, rows, cols, transposed)} with leading dimension {ld} needs {needed}.");
    }

    private static string Stored(string name, int rows, int cols, bool transposed)
        => $"{name} is stored as {rows}×{cols}{(transposed ? " (used transposed)" : "")}";
}
