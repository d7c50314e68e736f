namespace TensorNetworks.Backends;

/// <summary>
/// Dense matrix multiplication, row-major: C = alpha · op(A) · op(B) + beta · C, where op(X) is X or
/// Xᵀ, op(A) is m×k, op(B) is k×n and C is m×n. Leading dimensions are row strides in elements.
/// </summary>
/// <remarks>Implemented by OpenBLAS (<c>cblas_?gemm</c>) and by a managed blocked SIMD kernel.</remarks>
public interface IBlas
{
    /// <summary>A short name for diagnostics, e.g. "openblas" or "managed".</summary>
    string Name { get; }

    /// <summary>Single-precision GEMM; see the interface summary for the formula.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <summary>Double-precision GEMM; see the interface summary for the formula.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);
}
