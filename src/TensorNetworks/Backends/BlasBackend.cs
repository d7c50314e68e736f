using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// The shared front of the GEMM backends: both <see cref="IBlas"/> overloads check their arguments
/// once (<see cref="GemmArguments"/>), return at once for an empty C, and forward to one generic
/// implementation.
/// </summary>
internal abstract class BlasBackend : IBlas
{
    public abstract string Name { get; }

    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Checked(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Checked(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>C = alpha·op(A)·op(B) + beta·C for valid arguments with m, n ≥ 1 (k may be 0).</summary>
    protected abstract void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>;

    private void Checked<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m > 0 && n > 0) Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>C ← beta·C over the m×n window; beta = 0 clears, so NaN or garbage in C never leaks (BLAS rule).</summary>
    protected static void ScaleRows<T>(int m, int n, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int i = 0; i < m; i++)
        {
            Span<T> row = c.Slice(i * ldc, n);
            if (beta == T.Zero) row.Clear();
            else System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
