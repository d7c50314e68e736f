using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// GEMM in managed code, used when OpenBLAS is absent or <c>TN_BACKEND=managed</c>: tiny products go
/// through the unpacked <see cref="SmallGemm"/> kernel, thin-inner ones through <see cref="ThinGemm"/>, larger ones through the blocked, packed
/// <see cref="PackedGemm{T}"/> with AVX2/FMA micro-kernels (or portable <see cref="Vector{T}"/> ones).
/// </summary>
internal sealed class ManagedBlas : BlasBackend
{
    private readonly bool _fma;

    /// <summary>Creates the backend; <paramref name="useFma"/> false forces the portable kernels (for tests).</summary>
    internal ManagedBlas(bool useFma = true) => _fma = useFma && SimdMath.HasFma256;

    public override string Name => "managed";

    /// <summary>Which micro-kernel runs: "avx2-fma" or "portable".</summary>
    internal string KernelName => _fma ? "avx2-fma" : "portable";

    protected override unsafe void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        bool noProduct = k == 0 || alpha == T.Zero;
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (!noProduct && SmallGemm.Suits(m, n, k))
            {
                SmallGemm.Multiply(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                return;
            }
            if (!noProduct && _fma && ThinGemm.Suits<T>(m, n, k))
            {
                ThinGemm.Multiply(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                return;
            }
            ScaleRows(m, n, beta, c, ldc);
            if (!noProduct) PackedGemm<T>.Accumulate(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, _fma);
        }
    }
}
