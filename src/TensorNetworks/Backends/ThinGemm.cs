using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// GEMM with a thin inner extent (k ≤ <see cref="MaxInner"/>), the last step of a CP or Tucker
/// reconstruction: C = alpha·op(A)·op(B) + beta·C with 512-bit vectors. op(B) (k × n) is packed once into
/// zero-padded rows; each block of eight rows of C keeps two 512-bit column strips per row in
/// registers over all k, and writes them once. A general GEMM packs A as well and reads C back for every k-panel,
/// which for k this small costs more than the arithmetic: on this project's machine this kernel took
/// 0.4-0.6× the time of one-threaded OpenBLAS on 10000×100×10 and 4096×64×8 float32 products.
/// </summary>
/// <remarks>Rows of C are split across cores in blocks of at least <see cref="MinRowBlockWork"/>
/// multiply-adds. Used only where 512-bit vectors run in hardware.</remarks>
internal static unsafe class ThinGemm
{
    /// <summary>Largest inner extent k this kernel takes.</summary>
    internal const int MaxInner = 16;

    /// <summary>Smallest product (m·n·k) this kernel takes; smaller ones go to <see cref="SmallGemm"/> or one native call.</summary>
    internal const long MinWork = SmallGemm.MaxWork;

    /// <summary>Fewest multiply-adds per block of rows handed to a core. Splitting smaller products lost
    /// more to the hand-over than it gained: 512×64×8 took 4.7-6.3 µs on two cores against 3.3-3.9 µs on one.</summary>
    private const long MinRowBlockWork = 1L << 20;

    /// <summary>Fewest rows of C this kernel takes (a block of fewer than eight rows computes eight).</summary>
    private const int MinRows = 4;

    /// <summary>Rows of C per register block (the last block of a range may have fewer).</summary>
    private const int RowsPerBlock = 8;

    /// <summary>Whether an m×k by k×n product suits this kernel on this machine.</summary>
    internal static bool Suits<T>(int m, int n, int k) where T : unmanaged
        => Vector512.IsHardwareAccelerated && k <= MaxInner && n >= Vector512<T>.Count && m >= MinRows
           && (long)m * n * k >= MinWork;

    /// <summary>C = alpha·op(A)·op(B) + beta·C; requires <see cref="Suits{T}"/> (and k ≥ 1).</summary>
    internal static void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        int width = (n + 2 * lanes - 1) / (2 * lanes) * (2 * lanes), stride = width + lanes;
        T[] packed = ArrayPool<T>.Shared.Rent(k * stride);
        fixed (T* bp = packed)
        {
            Pack(transB, n, k, b, ldb, bp, stride);
            var panel = new Panel<T>(bp, stride, width);
            nint rowStep = transA ? 1 : lda, innerStep = transA ? lda : 1;
            var store = new Store<T>(alpha, beta, n);
            int grain = (int)Math.Max(RowsPerBlock, MinRowBlockWork / ((long)n * k));
            grain = (grain + RowsPerBlock - 1) / RowsPerBlock * RowsPerBlock;
            Parallelism.For(m, grain, new RowRanges<T>(k, a, rowStep, innerStep, panel, c, ldc, store));
        }
        ArrayPool<T>.Shared.Return(packed);
    }

    /// <summary>op(B) as k rows <paramref name="stride"/> elements apart, the columns past n zero (so that the
    /// kernels always work on pairs of vectors). The stride
    /// is one vector more than the padded width, so that the k rows a block reads never fall into one cache
    /// set (with n = 4096 float32 and rows exactly 16 KiB apart the 4096×64×8 product ran 1.4× slower).</summary>
    private static void Pack<T>(bool transB, int n, int k, T* b, int ldb, T* dst, int stride) where T : unmanaged, INumberBase<T>
    {
        for (int p = 0; p < k; p++)
        {
            T* row = dst + (nint)p * stride;
            if (transB)
                for (int j = 0; j < n; j++) row[j] = b[(nint)j * ldb + p];
            else
                new ReadOnlySpan<T>(b + (nint)p * ldb, n).CopyTo(new Span<T>(row, n));
            new Span<T>(row + n, stride - n).Clear();
        }
    }

    /// <summary>Rows [start, start + length) of C, in blocks of <see cref="RowsPerBlock"/>.</summary>
    private readonly struct RowRanges<T>(int k, T* a, nint rowStep, nint innerStep, Panel<T> panel, T* c, int ldc, Store<T> store)
        : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int i = start, end = start + length; i < end; i += RowsPerBlock)
                Block(Math.Min(RowsPerBlock, end - i), k, panel, a + i * rowStep, rowStep, innerStep, c + (nint)i * ldc, ldc, store);
        }
    }

    /// <summary>
    /// Up to eight rows of C, two column strips at a time (sixteen accumulators): per k, two loads of B feed
    /// sixteen multiply-adds. A block of fewer <paramref name="rows"/> (the last of a range) reads its first
    /// row of A in place of the missing ones and stores only its own rows.
    /// </summary>
    private static void Block<T>(int rows, int k, Panel<T> panel, T* a, nint rowStep, nint innerStep, T* c, nint ldc, Store<T> store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        nint r1 = Row(1, rows, rowStep), r2 = Row(2, rows, rowStep), r3 = Row(3, rows, rowStep), r4 = Row(4, rows, rowStep);
        nint r5 = Row(5, rows, rowStep), r6 = Row(6, rows, rowStep), r7 = Row(7, rows, rowStep);
        for (int j = 0; j < panel.Width; j += 2 * lanes)
        {
            Vector512<T> x0 = default, x1 = default, x2 = default, x3 = default, x4 = default, x5 = default, x6 = default, x7 = default;
            Vector512<T> y0 = default, y1 = default, y2 = default, y3 = default, y4 = default, y5 = default, y6 = default, y7 = default;
            T* ap = a;
            T* bj = panel.Base + j;
            for (int p = 0; p < k; p++, ap += innerStep, bj += panel.Stride)
            {
                Vector512<T> b0 = Vector512.Load(bj), b1 = Vector512.Load(bj + lanes);
                var a0 = Vector512.Create(ap[0]);
                x0 = SimdMath.MultiplyAdd(a0, b0, x0); y0 = SimdMath.MultiplyAdd(a0, b1, y0);
                var a1 = Vector512.Create(ap[r1]);
                x1 = SimdMath.MultiplyAdd(a1, b0, x1); y1 = SimdMath.MultiplyAdd(a1, b1, y1);
                var a2 = Vector512.Create(ap[r2]);
                x2 = SimdMath.MultiplyAdd(a2, b0, x2); y2 = SimdMath.MultiplyAdd(a2, b1, y2);
                var a3 = Vector512.Create(ap[r3]);
                x3 = SimdMath.MultiplyAdd(a3, b0, x3); y3 = SimdMath.MultiplyAdd(a3, b1, y3);
                var a4 = Vector512.Create(ap[r4]);
                x4 = SimdMath.MultiplyAdd(a4, b0, x4); y4 = SimdMath.MultiplyAdd(a4, b1, y4);
                var a5 = Vector512.Create(ap[r5]);
                x5 = SimdMath.MultiplyAdd(a5, b0, x5); y5 = SimdMath.MultiplyAdd(a5, b1, y5);
                var a6 = Vector512.Create(ap[r6]);
                x6 = SimdMath.MultiplyAdd(a6, b0, x6); y6 = SimdMath.MultiplyAdd(a6, b1, y6);
                var a7 = Vector512.Create(ap[r7]);
                x7 = SimdMath.MultiplyAdd(a7, b0, x7); y7 = SimdMath.MultiplyAdd(a7, b1, y7);
            }
            T* c0 = c + j;
            if (rows == RowsPerBlock && store.Plain && j + 2 * lanes <= store.Columns)
            {
                x0.Store(c0); y0.Store(c0 + lanes); x1.Store(c0 + ldc); y1.Store(c0 + ldc + lanes);
                x2.Store(c0 + 2 * ldc); y2.Store(c0 + 2 * ldc + lanes); x3.Store(c0 + 3 * ldc); y3.Store(c0 + 3 * ldc + lanes);
                x4.Store(c0 + 4 * ldc); y4.Store(c0 + 4 * ldc + lanes); x5.Store(c0 + 5 * ldc); y5.Store(c0 + 5 * ldc + lanes);
                x6.Store(c0 + 6 * ldc); y6.Store(c0 + 6 * ldc + lanes); x7.Store(c0 + 7 * ldc); y7.Store(c0 + 7 * ldc + lanes);
                continue;
            }
            store.WritePair(x0, y0, c0, j);
            if (rows > 1) store.WritePair(x1, y1, c0 + ldc, j);
            if (rows > 2) store.WritePair(x2, y2, c0 + 2 * ldc, j);
            if (rows > 3) store.WritePair(x3, y3, c0 + 3 * ldc, j);
            if (rows > 4) store.WritePair(x4, y4, c0 + 4 * ldc, j);
            if (rows > 5) store.WritePair(x5, y5, c0 + 5 * ldc, j);
            if (rows > 6) store.WritePair(x6, y6, c0 + 6 * ldc, j);
            if (rows > 7) store.WritePair(x7, y7, c0 + 7 * ldc, j);
        }
    }

    /// <summary>The offset of row <paramref name="r"/> of a block of <paramref name="rows"/> in A: its own, or
    /// the first row's (0) when the block has no such row.</summary>
    private static nint Row(int r, int rows, nint rowStep) => r < rows ? r * rowStep : 0;

    /// <summary>Packed op(B): column j of row p at Base[p·Stride + j], for j below Width (a whole number of pairs of vectors).</summary>
    private readonly struct Panel<T>(T* @base, nint stride, int width) where T : unmanaged
    {
        public readonly T* Base = @base;
        public readonly nint Stride = stride;
        public readonly int Width = width;
    }

    /// <summary>Writes one strip of a row of C as alpha·acc + beta·C (beta = 0 ignores C), masking the columns past n.</summary>
    private readonly struct Store<T>(T alpha, T beta, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        /// <summary>alpha = 1 and beta = 0: results are stored as they are.</summary>
        public bool Plain => alpha == T.One && beta == T.Zero;

        /// <summary>n, the columns of C.</summary>
        public int Columns => n;

        /// <summary>Writes two adjacent strips, columns [column, column + 2·lanes), of one row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePair(Vector512<T> first, Vector512<T> second, T* c, int column)
        {
            Write(first, c, column);
            Write(second, c + Vector512<T>.Count, column + Vector512<T>.Count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(Vector512<T> acc, T* c, int column)
        {
            int lanes = Vector512<T>.Count;
            if (alpha != T.One) acc *= alpha;
            if (column + lanes <= n)
            {
                if (beta != T.Zero) acc = SimdMath.MultiplyAdd(Vector512.Create(beta), Vector512.Load(c), acc);
                acc.Store(c);
                return;
            }
            for (int j = 0; j < n - column; j++)
                c[j] = beta == T.Zero ? acc[j] : acc[j] + beta * c[j];
        }
    }
}
