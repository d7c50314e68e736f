using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// GEMM in managed code, used when OpenBLAS is absent or <c>TN_BACKEND=managed</c>: tiny products go
/// through the unpacked <see cref="SmallGemm"/> kernel, larger ones through the blocked, packed
/// <see cref="PackedGemm{T}"/> with AVX2/FMA micro-kernels (or portable <see cref="Vector{T}"/> ones).
/// </summary>
internal sealed class ManagedBlas : IBlas
{
    private readonly bool _fma;

    /// <summary>Creates the backend; <paramref name="useFma"/> false forces the portable kernels (for tests).</summary>
    internal ManagedBlas(bool useFma = true) => _fma = useFma && SimdMath.HasFma256;

    public string Name => "managed";

    /// <summary>Which micro-kernel runs: "avx2-fma" or "portable".</summary>
    internal string KernelName => _fma ? "avx2-fma" : "portable";

    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    private unsafe void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0) return;
        bool noProduct = k == 0 || alpha == T.Zero;
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (!noProduct && SmallGemm.Suits(m, n, k))
            {
                SmallGemm.Multiply(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                return;
            }
            ScaleRows(m, n, beta, c, ldc);
            if (!noProduct) PackedGemm<T>.Accumulate(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, _fma);
        }
    }

    /// <summary>C ← beta·C over the m×n window; beta = 0 clears, so NaN or garbage in C never leaks (BLAS rule).</summary>
    internal static void ScaleRows<T>(int m, int n, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
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
