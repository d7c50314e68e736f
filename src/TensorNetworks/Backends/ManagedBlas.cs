namespace TensorNetworks.Backends;

/// <summary>GEMM in managed code, used when OpenBLAS is absent or <c>TN_BACKEND=managed</c>.</summary>
internal sealed class ManagedBlas : IBlas
{
    public string Name => "managed";

    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Naive(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Naive(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    private static void Naive<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
        {
            T sum = T.Zero;
            for (int p = 0; p < k; p++)
                sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
            T prior = beta == T.Zero ? T.Zero : beta * c[i * ldc + j];
            c[i * ldc + j] = alpha * sum + prior;
        }
    }
}
