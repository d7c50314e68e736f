namespace TensorNetworks.Backends;

/// <summary>Row-major ↔ column-major copies around LAPACK and MathNet calls.</summary>
internal static class MatrixLayout
{
    /// <summary>dst[j·rows + i] = src[i·cols + j]: a row-major rows×cols matrix to column-major (or back, with the extents swapped).</summary>
    internal static void Transpose<T>(ReadOnlySpan<T> src, int rows, int cols, Span<T> dst)
    {
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<T> row = src.Slice(i * cols, cols);
            for (int j = 0; j < cols; j++) dst[j * rows + i] = row[j];
        }
    }

    /// <summary>Transposes an n×n matrix in place.</summary>
    internal static void TransposeSquare<T>(Span<T> a, int n)
    {
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            (a[i * n + j], a[j * n + i]) = (a[j * n + i], a[i * n + j]);
    }
}
