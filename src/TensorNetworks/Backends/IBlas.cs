namespace TensorNetworks.Backends;

/// <summary>
/// Dense matrix multiplication, row-major: C = alpha · op(A) · op(B) + beta · C, where op(X) is X or
/// Xᵀ, op(A) is m×k, op(B) is k×n and C is m×n. Leading dimensions are row strides in elements of the
/// matrices as stored (so a transposed A is stored k×m with lda ≥ m). As in BLAS, beta = 0 ignores the
/// prior contents of C (NaN included), and k = 0 gives C = beta · C.
/// </summary>
/// <remarks>Implemented by OpenBLAS (<c>cblas_?gemm</c>) and by a managed blocked SIMD kernel. Both
/// implementations throw <see cref="ArgumentOutOfRangeException"/> for a negative extent and
/// <see cref="ArgumentException"/> when a leading dimension is smaller than its stored row or a span is
/// too short for its matrix, naming the matrix, its stored shape and the required size.</remarks>
/// <example><code>
/// // C (2×2) = A (2×3) · Bᵀ, with B stored 2×3
/// blas.Gemm(false, true, 2, 2, 3, 1f, a, 3, b, 3, 0f, c, 2);
/// </code></example>
public interface IBlas
{
    /// <summary>A short name for diagnostics, e.g. "openblas" or "managed".</summary>
    string Name { get; }

    /// <summary>Single-precision GEMM: C = alpha·op(A)·op(B) + beta·C (see the interface summary).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When m, n or k is negative.</exception>
    /// <exception cref="ArgumentException">When a leading dimension or span is too small for its matrix.</exception>
    void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <summary>Double-precision GEMM: C = alpha·op(A)·op(B) + beta·C (see the interface summary).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When m, n or k is negative.</exception>
    /// <exception cref="ArgumentException">When a leading dimension or span is too small for its matrix.</exception>
    void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);
}
