namespace TensorNetworks.Backends;

/// <summary>
/// GEMM through OpenBLAS's <c>cblas_?gemm</c> in row-major order: large products are threaded by
/// OpenBLAS itself, mid-sized ones by <see cref="GemmSplit"/> over single-threaded calls; products with
/// a thin inner extent go to the managed <see cref="ThinGemm"/>, which does them faster.
/// </summary>
internal sealed unsafe class OpenBlasBlas : BlasBackend
{
    public override string Name => "openblas";

    protected override void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        if (k == 0)
        {
            ScaleRows(m, n, beta, c, ldc);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (alpha != T.Zero && ThinGemm.Suits<T>(m, n, k))
            {
                ThinGemm.Multiply(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                return;
            }
            int blocks = SplitBlocks(m, n, k);
            if (blocks > 1) GemmSplit.Run(blocks, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else
            {
                OpenBlasThreads.BeforeThreadedCall((long)m * n * k);
                OpenBlasNative.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            }
        }
    }

    /// <summary>The <see cref="GemmSplit"/> blocks for this product on the cores OpenBLAS may use; OpenBLAS's
    /// thread count is asked only of products large enough to split.</summary>
    private static int SplitBlocks(int m, int n, int k)
    {
        if (GemmSplit.BlocksFor(m, n, k, Environment.ProcessorCount) <= 1) return 1;
        return GemmSplit.BlocksFor(m, n, k, OpenBlasThreads.SplitCores);
    }
}
