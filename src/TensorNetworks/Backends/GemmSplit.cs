using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks.Backends;

/// <summary>
/// Runs a mid-sized OpenBLAS GEMM as single-threaded calls on row (or column) blocks of C, spread over
/// the cores by <see cref="Parallelism.Run"/>, and a Gram matrix with a long inner extent as single-threaded
/// ?syrk calls on k-blocks (<see cref="RunGram"/>). OpenBLAS splits each product into one
/// fixed share per thread, so a share whose core is busy elsewhere holds the whole call back (a
/// 10000×10×100 float32 product took 2-2.5× its one-thread time on two threads of a loaded machine);
/// several smaller blocks handed out as cores free up keep both cores busy without waiting on either.
/// </summary>
/// <remarks>Products above <see cref="MaxWork"/> multiply-adds stay with OpenBLAS's own threads, which
/// share the packing of B between them, unless C is skinny (a side of at most <see cref="SkinnyExtent"/>:
/// CP-ALS's 40000×200·200×20 float64 MTTKRP took 5.2 ms split against 10.7 ms on OpenBLAS's two threads);
/// products below two <see cref="MinBlockWork"/> run as one call.
/// A product whose inner extent k dominates (C small, k more than <see cref="InnerSplitRatio"/> times
/// C's longer side) is split along k instead: each block computes a partial C, and the partials are
/// added in block order, with a block count that depends on the shape only, so the result does not
/// change with the number of cores.</remarks>
internal static unsafe class GemmSplit
{
    /// <summary>Fewest multiply-adds worth a block of their own (~5-10 µs of work).</summary>
    internal const long MinBlockWork = 1L << 18;

    /// <summary>Most multiply-adds (m·n·k) of a product split here.</summary>
    internal const long MaxWork = 1L << 26;

    /// <summary>Products whose C has a side this short are split whatever their size.</summary>
    internal const int SkinnyExtent = 32;

    /// <summary>k-blocks of an inner-extent split, at most (independent of the core count).</summary>
    private const int MaxInnerBlocks = 8;

    /// <summary>k-blocks of a split Gram matrix, at most (independent of the core count): on two cores 2 and 4 blocks
    /// measured within 5 % of each other, 8 up to 30 % slower on the smallest splits (the partial sums).</summary>
    private const int MaxGramBlocks = 4;

    /// <summary>A product is split along k when k exceeds C's longer side this many times.</summary>
    internal const int InnerSplitRatio = 16;

    /// <summary>Blocks per core: more than one, so that a core that falls behind is covered.</summary>
    private const int BlocksPerCore = 4;

    /// <summary>Block extents are multiples of this (OpenBLAS's register tiles).</summary>
    private const int Alignment = 16;

    /// <summary>Number of blocks to split an m×n×k product into on <paramref name="cores"/> cores; 1 means one call.</summary>
    internal static int BlocksFor(int m, int n, int k, int cores)
    {
        long work = (long)m * n * k;
        if (cores < 2 || work < 2 * MinBlockWork || (work > MaxWork && Math.Min(m, n) > SkinnyExtent)) return 1;
        if (SplitsInner(m, n, k)) return (int)Math.Min(work / MinBlockWork, MaxInnerBlocks);
        long blocks = Math.Min(work / MinBlockWork, (long)BlocksPerCore * cores);
        return (int)Math.Max(1, Math.Min(blocks, Math.Max(m, n) / Alignment));
    }

    private static bool SplitsInner(int m, int n, int k) => k / InnerSplitRatio > Math.Max(m, n);

    /// <summary>C = alpha·op(A)·op(B) + beta·C as <paramref name="blocks"/> single-threaded OpenBLAS calls
    /// over blocks of C's rows (or columns, when C is wider than tall).</summary>
    internal static void Run<T>(int blocks, bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (SplitsInner(m, n, k))
        {
            RunInner(blocks, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        bool byRows = m >= n;
        int extent = byRows ? m : n;
        int step = (extent + blocks - 1) / blocks;
        step = (step + Alignment - 1) / Alignment * Alignment;
        int count = (extent + step - 1) / step;
        using (OpenBlasThreads.SingleThreaded())
            Parallelism.Run(count, new OuterBlocks<T>(byRows, step, extent, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc));
    }

    /// <summary>Blocks of <paramref name="step"/> rows of C (or columns, when not <paramref name="byRows"/>), one
    /// single-threaded OpenBLAS call each; a struct, so that a split product allocates nothing.</summary>
    private readonly struct OuterBlocks<T>(bool byRows, int step, int extent, bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, int lda, T* b, int ldb, T beta, T* c, int ldc) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int first, int count)
        {
            for (int block = first; block < first + count; block++)
            {
                int start = block * step, length = Math.Min(step, extent - start);
                if (byRows)
                    OpenBlasNative.Gemm(transA, transB, length, n, k, alpha, a + (transA ? start : (nint)start * lda), lda,
                        b, ldb, beta, c + (nint)start * ldc, ldc);
                else
                    OpenBlasNative.Gemm(transA, transB, m, length, k, alpha, a, lda,
                        b + (transB ? (nint)start * ldb : start), ldb, beta, c + start, ldc);
            }
        }
    }

    /// <summary>C = alpha·Σ_blocks op(A)[:, kb]·op(B)[kb, :] + beta·C: block 0 writes C, the others write
    /// partials that are then added to C in order.</summary>
    private static void RunInner<T>(int blocks, bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int step = (k + blocks - 1) / blocks;
        RunInnerBlocks(step, k, m, n, c, ldc, lowerOnly: false, (block, start, length, target, ldTarget) =>
        {
            T* ab = a + (transA ? (nint)start * lda : start);
            T* bb = b + (transB ? start : (nint)start * ldb);
            OpenBlasNative.Gemm(transA, transB, m, n, length, alpha, ab, lda, bb, ldb, block == 0 ? beta : T.Zero, target, ldTarget);
        });
    }

    /// <summary>
    /// Number of k-blocks for the Gram matrix op(A)·op(A)ᵀ (n×n, inner extent k) on <paramref name="cores"/> cores; 1
    /// means one ?syrk call. The count depends on the shape only (at most <see cref="MaxGramBlocks"/>), so the result
    /// does not change with the number of cores beyond one.
    /// </summary>
    internal static int GramBlocksFor(int n, int k, int cores)
    {
        long work = (long)n * n * k / 2;
        if (cores < 2 || work < 2 * MinBlockWork) return 1;
        return (int)Math.Min(Math.Min(work / MinBlockWork, MaxGramBlocks), k);
    }

    /// <summary>
    /// The lower triangle of G = op(A)·op(A)ᵀ (n×n, row-major, ldg = n) as <paramref name="blocks"/> single-threaded ?syrk
    /// calls on k-blocks spread over the cores, the partial Grams added in block order: op(A) = A for a row-major n×k A, or
    /// Aᵀ for a row-major k×n A when <paramref name="transposed"/>. OpenBLAS's ?syrk keeps one thread busy at these shapes
    /// whatever its thread count (64×16384 float64: 2.0 ms on one or two threads, 1.0 ms as two blocks on two cores).
    /// </summary>
    internal static void RunGram<T>(int blocks, bool transposed, int n, int k, T* a, T* g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int step = (k + blocks - 1) / blocks, lda = transposed ? n : k;
        RunInnerBlocks(step, k, n, n, g, n, lowerOnly: true, (_, start, length, target, _) =>
            OpenBlasNative.SyrkLower(transposed, n, length, a + (transposed ? (nint)start * n : start), lda, target));
    }

    /// <summary>One k-block [start, start + length) of an inner split, written to target (leading dimension ldTarget).</summary>
    private delegate void InnerBlock<T>(int block, int start, int length, T* target, int ldTarget) where T : unmanaged;

    /// <summary>
    /// Runs the k-blocks of <paramref name="step"/> elements over [0, <paramref name="k"/>) on the cores with OpenBLAS on one
    /// thread: block 0 writes C, every other block a dense m×n partial, and the partials are then added to C in block order
    /// (only each row's first i + 1 entries when <paramref name="lowerOnly"/>).
    /// </summary>
    private static void RunInnerBlocks<T>(int step, int k, int m, int n, T* c, int ldc, bool lowerOnly, InnerBlock<T> run)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = (k + step - 1) / step;
        int size = m * n;
        T[] partials = ArrayPool<T>.Shared.Rent((count - 1) * size);
        fixed (T* p = partials)
        {
            T* pp = p;
            using (OpenBlasThreads.SingleThreaded())
            {
                Parallelism.Run(count, block =>
                {
                    int start = block * step, length = Math.Min(step, k - start);
                    if (block == 0) run(0, start, length, c, ldc);
                    else run(block, start, length, pp + (nint)(block - 1) * size, n);
                });
            }
            for (int block = 1; block < count; block++)
            {
                for (int i = 0; i < m; i++)
                {
                    int width = lowerOnly ? i + 1 : n;
                    var row = new Span<T>(c + (nint)i * ldc, width);
                    TensorPrimitives.Add(row, new ReadOnlySpan<T>(p + (nint)(block - 1) * size + (nint)i * n, width), row);
                }
            }
        }
        ArrayPool<T>.Shared.Return(partials);
    }
}
