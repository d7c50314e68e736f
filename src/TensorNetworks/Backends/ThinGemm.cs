using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// GEMM with a thin inner extent (k ≤ <see cref="MaxInner"/>), the last step of a CP or Tucker
/// reconstruction: C = alpha·op(A)·op(B) + beta·C with 512-bit vectors. op(B) (k × n) is packed once into
/// zero-padded rows; then each block of four rows of C keeps two 512-bit column strips per row in registers
/// over all k, and writes them once. A general GEMM packs A as well and reads C back for every k-panel,
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

    /// <summary>Fewest multiply-adds per block of rows handed to a core.</summary>
    private const long MinRowBlockWork = 1L << 17;

    private const int RowsPerBlock = 4;

    /// <summary>Whether an m×k by k×n product suits this kernel on this machine.</summary>
    internal static bool Suits<T>(int m, int n, int k) where T : unmanaged
        => Vector512.IsHardwareAccelerated && k <= MaxInner && n >= Vector512<T>.Count && m >= RowsPerBlock
           && (long)m * n * k >= MinWork;

    /// <summary>C = alpha·op(A)·op(B) + beta·C; requires <see cref="Suits{T}"/> (and k ≥ 1).</summary>
    internal static void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        int width = (n + lanes - 1) / lanes * lanes;
        T[] packed = ArrayPool<T>.Shared.Rent(k * width);
        fixed (T* bp = packed)
        {
            Pack(transB, n, k, b, ldb, bp, width);
            nint rowStep = transA ? 1 : lda, innerStep = transA ? lda : 1;
            var store = new Store<T>(alpha, beta, n);
            T* packedB = bp;
            int grain = (int)Math.Max(RowsPerBlock, MinRowBlockWork / ((long)n * k));
            grain = (grain + RowsPerBlock - 1) / RowsPerBlock * RowsPerBlock;
            Parallelism.For(m, grain, (start, length) =>
                Rows(start, length, k, width, a, rowStep, innerStep, packedB, c, ldc, store));
        }
        ArrayPool<T>.Shared.Return(packed);
    }

    /// <summary>op(B) as k rows of <paramref name="width"/> elements, the columns past n zero.</summary>
    private static void Pack<T>(bool transB, int n, int k, T* b, int ldb, T* dst, int width) where T : unmanaged, INumberBase<T>
    {
        for (int p = 0; p < k; p++)
        {
            T* row = dst + (nint)p * width;
            if (transB)
                for (int j = 0; j < n; j++) row[j] = b[(nint)j * ldb + p];
            else
                new ReadOnlySpan<T>(b + (nint)p * ldb, n).CopyTo(new Span<T>(row, n));
            new Span<T>(row + n, width - n).Clear();
        }
    }

    private static void Rows<T>(int start, int length, int k, int width, T* a, nint rowStep, nint innerStep, T* b,
        T* c, int ldc, Store<T> store) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int end = start + length, i = start;
        for (; i + RowsPerBlock <= end; i += RowsPerBlock)
            Block4(k, width, a + i * rowStep, rowStep, innerStep, b, c + (nint)i * ldc, ldc, store);
        for (; i < end; i++)
            Row1(k, width, a + i * rowStep, innerStep, b, c + (nint)i * ldc, store);
    }

    /// <summary>Four rows of C, two column strips at a time (eight accumulators).</summary>
    private static void Block4<T>(int k, int width, T* a, nint rowStep, nint innerStep, T* b, T* c, nint ldc, Store<T> store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        for (int j = 0; j < width; j += 2 * lanes)
        {
            bool two = j + lanes < width;
            Vector512<T> x0 = default, x1 = default, x2 = default, x3 = default;
            Vector512<T> y0 = default, y1 = default, y2 = default, y3 = default;
            T* ap = a;
            T* bj = b + j;
            for (int p = 0; p < k; p++, ap += innerStep, bj += width)
            {
                Vector512<T> b0 = Vector512.Load(bj), b1 = two ? Vector512.Load(bj + lanes) : default;
                var a0 = Vector512.Create(ap[0]);
                x0 = SimdMath.MultiplyAdd(a0, b0, x0); y0 = SimdMath.MultiplyAdd(a0, b1, y0);
                var a1 = Vector512.Create(ap[rowStep]);
                x1 = SimdMath.MultiplyAdd(a1, b0, x1); y1 = SimdMath.MultiplyAdd(a1, b1, y1);
                var a2 = Vector512.Create(ap[2 * rowStep]);
                x2 = SimdMath.MultiplyAdd(a2, b0, x2); y2 = SimdMath.MultiplyAdd(a2, b1, y2);
                var a3 = Vector512.Create(ap[3 * rowStep]);
                x3 = SimdMath.MultiplyAdd(a3, b0, x3); y3 = SimdMath.MultiplyAdd(a3, b1, y3);
            }
            store.Write(x0, c + j, j); store.Write(x1, c + ldc + j, j);
            store.Write(x2, c + 2 * ldc + j, j); store.Write(x3, c + 3 * ldc + j, j);
            if (!two) continue;
            store.Write(y0, c + j + lanes, j + lanes); store.Write(y1, c + ldc + j + lanes, j + lanes);
            store.Write(y2, c + 2 * ldc + j + lanes, j + lanes); store.Write(y3, c + 3 * ldc + j + lanes, j + lanes);
        }
    }

    private static void Row1<T>(int k, int width, T* a, nint innerStep, T* b, T* c, Store<T> store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        for (int j = 0; j < width; j += lanes)
        {
            Vector512<T> acc = default;
            T* ap = a;
            T* bj = b + j;
            for (int p = 0; p < k; p++, ap += innerStep, bj += width)
                acc = SimdMath.MultiplyAdd(Vector512.Create(*ap), Vector512.Load(bj), acc);
            store.Write(acc, c + j, j);
        }
    }

    /// <summary>Writes one strip of a row of C as alpha·acc + beta·C (beta = 0 ignores C), masking the columns past n.</summary>
    private readonly struct Store<T>(T alpha, T beta, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
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
