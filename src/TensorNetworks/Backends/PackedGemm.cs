using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// Blocked, packed GEMM (Goto/BLIS loop order): for each NC column block and KC slice, B is packed
/// once and shared; the MC row blocks of A are packed and multiplied independently, in parallel when
/// the product is large. Computes C += alpha·op(A)·op(B); the caller has already applied beta to C.
/// Every element of C is produced by one thread in a fixed order, so results are deterministic.
/// </summary>
internal static unsafe class PackedGemm<T> where T : unmanaged, INumberBase<T>
{
    /// <summary>Products with at least this many multiply-adds (m·n·k) use every core.</summary>
    internal const long ParallelWork = 96L * 96 * 96;

    /// <summary>Runs the blocked product; <paramref name="fma"/> selects the AVX2/FMA micro-kernel.</summary>
    internal static void Accumulate(bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, int lda, T* b, int ldb, T* c, int ldc, bool fma)
    {
        int kcMax = GemmBlocking<T>.KC, nr = GemmBlocking<T>.NR;
        int ncMax = Math.Min(GemmBlocking<T>.NC, RoundUp(n, nr));
        bool parallel = (long)m * n * k >= ParallelWork && Environment.ProcessorCount > 1;
        int mc = RowBlock(m, parallel);
        int rowBlocks = (m + mc - 1) / mc;
        using var bBuffer = new PooledArray<T>(kcMax * ncMax);
        fixed (T* bp = bBuffer.Array)
        {
            var block = new Block(transA, a, lda, c, ldc, alpha, bp, mc, m, fma);
            for (int jc = 0; jc < n; jc += ncMax)
            {
                int nc = Math.Min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += kcMax)
                {
                    int kc = Math.Min(kcMax, k - pc);
                    GemmPacking<T>.PackB(transB, b, ldb, pc, jc, kc, nc, bp);
                    block = block with { P0 = pc, J0 = jc, Kc = kc, Nc = nc };
                    if (parallel && rowBlocks > 1) Parallelism.Run(rowBlocks, block);
                    else block.Run(0, rowBlocks);
                }
            }
        }
    }

    /// <summary>Rows per A block: at most MC, and small enough to give every core at least two blocks.</summary>
    private static int RowBlock(int m, bool parallel)
    {
        const int mr = GemmBlocking<T>.MR;
        int mcMax = GemmBlocking<T>.MC;
        if (!parallel) return Math.Min(mcMax, RoundUp(m, mr));
        int perCore = (m + 2 * Environment.ProcessorCount - 1) / (2 * Environment.ProcessorCount);
        return Math.Clamp(RoundUp(perCore, mr), mr, mcMax);
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>One KC×NC step: packs row block i of op(A) and multiplies it by the shared packed B; a struct body, so
    /// that the parallel path allocates nothing.</summary>
    private readonly struct Block(bool transA, T* a, int lda, T* c, int ldc, T alpha, T* packedB, int mc, int m, bool fma) : IRangeBody
    {
        private readonly bool TransA = transA;
        private readonly T* A = a;
        private readonly int Lda = lda;
        private readonly T* C = c;
        private readonly int Ldc = ldc;
        private readonly T Alpha = alpha;
        private readonly T* PackedB = packedB;
        private readonly int Mc = mc;
        private readonly int M = m;
        private readonly bool Fma = fma;

        public int P0 { get; init; }

        public int J0 { get; init; }

        public int Kc { get; init; }

        public int Nc { get; init; }

        /// <summary>Row blocks [first, first + count).</summary>
        public void Run(int first, int count)
        {
            for (int index = first; index < first + count; index++) Run(index);
        }

        private void Run(int index)
        {
            int i0 = index * Mc;
            int mc = Math.Min(Mc, M - i0);
            using var aBuffer = new PooledArray<T>(RoundUp(mc, GemmBlocking<T>.MR) * Kc);
            fixed (T* ap = aBuffer.Array)
            {
                GemmPacking<T>.PackA(TransA, A, Lda, i0, P0, mc, Kc, ap);
                Macro(mc, ap, C + (nint)i0 * Ldc + J0);
            }
        }

        /// <summary>Walks the MR×NR tiles of an mc×nc block of C; edge tiles go through a padded scratch tile.</summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        private void Macro(int mc, T* ap, T* c)
        {
            const int mr = GemmBlocking<T>.MR;
            int nr = GemmBlocking<T>.NR;
            T* tile = stackalloc T[mr * nr];
            for (int jr = 0; jr < Nc; jr += nr)
            {
                int cols = Math.Min(nr, Nc - jr);
                T* bSliver = PackedB + (nint)jr * Kc;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int rows = Math.Min(mr, mc - ir);
                    T* aSliver = ap + (nint)ir * Kc;
                    T* cTile = c + (nint)ir * Ldc + jr;
                    if (rows == mr && cols == nr)
                    {
                        Kernel(aSliver, bSliver, cTile, Ldc);
                        continue;
                    }
                    new Span<T>(tile, mr * nr).Clear();
                    Kernel(aSliver, bSliver, tile, nr);
                    for (int r = 0; r < rows; r++)
                    for (int j = 0; j < cols; j++)
                        cTile[(nint)r * Ldc + j] += tile[r * nr + j];
                }
            }
        }

        private void Kernel(T* a, T* b, T* c, nint ldc)
        {
            if (Fma) GemmMicroKernels<T>.Fma256(Kc, a, b, c, ldc, Alpha);
            else GemmMicroKernels<T>.Portable(Kc, a, b, c, ldc, Alpha);
        }
    }
}
