using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorNetworks.Backends;

/// <summary>
/// Unpacked SIMD GEMM for tiny products (tensor-network site steps, batches of 10×10 matrices), where
/// packing or a native call costs more than the arithmetic: C = alpha·op(A)·op(B) + beta·C, computed
/// row by row with <see cref="Vector{T}"/> accumulators over the columns of C. op(B) is copied into a
/// zero-padded scratch (k × ⌈n⌉ elements) when it is transposed or its width is not a vector multiple.
/// </summary>
internal static unsafe class SmallGemm
{
    /// <summary>
    /// Products with at most this many multiply-adds (m·n·k) take this path. Measured (float32, n×n×n,
    /// GemmCrossoverBenchmarks): against one OpenBLAS call this kernel takes 0.14× the time at n = 8,
    /// 0.36× at 16, 0.56× at 24, 0.66× at 32 and 1.36× at 48; the packed managed GEMM is slower still.
    /// </summary>
    internal const long MaxWork = 32L * 32 * 32;

    /// <summary>Largest padded op(B) copy, in elements (16 KiB of float, 32 KiB of double, on the stack).</summary>
    internal const int MaxScratch = 4096;

    /// <summary>Whether an m×k by k×n product is small enough for this kernel.</summary>
    internal static bool Suits(int m, int n, int k) => (long)m * n * k <= MaxWork && (long)k * RoundUp(n, 16) <= MaxScratch;

    /// <summary>Scratch elements <see cref="MultiplyWith{T}"/> needs for a product with these extents.</summary>
    internal static int ScratchLength<T>(int n, int k) => k * RoundUp(n, Vector<T>.Count);

    /// <summary>C = alpha·op(A)·op(B) + beta·C with scratch on the stack; requires <see cref="Suits"/>.</summary>
    [SkipLocalsInit]
    internal static void Multiply<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* scratch = stackalloc T[ScratchLength<T>(n, k)];
        MultiplyWith(scratch, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C using caller-owned scratch of <see cref="ScratchLength{T}"/> elements.</summary>
    internal static void MultiplyWith<T>(T* scratch, bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda,
        T* b, int ldb, T beta, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int vc = Vector<T>.Count;
        T* bp = b;
        nint ldbp = ldb;
        if (transB || n % vc != 0)
        {
            ldbp = RoundUp(n, vc);
            PadB(transB, n, k, b, ldb, scratch, (int)ldbp);
            bp = scratch;
        }
        nint rowStep = transA ? 1 : lda, innerStep = transA ? lda : 1;
        var store = new Store<T>(alpha, beta, n);
        int i = 0;
        for (; i + 4 <= m; i += 4)
            Rows4(k, n, a + i * rowStep, rowStep, innerStep, bp, ldbp, c + (nint)i * ldc, ldc, store);
        for (; i < m; i++)
            Row1(k, n, a + i * rowStep, innerStep, bp, ldbp, c + (nint)i * ldc, store);
    }

    private static void PadB<T>(bool transB, int n, int k, T* b, int ldb, T* dst, int width) where T : unmanaged, INumberBase<T>
    {
        if (transB)
        {
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                T* c0 = b + (nint)j * ldb, c1 = c0 + ldb, c2 = c1 + ldb, c3 = c2 + ldb;
                T* d = dst + j;
                for (int p = 0; p < k; p++, d += width)
                {
                    d[0] = c0[p]; d[1] = c1[p]; d[2] = c2[p]; d[3] = c3[p];
                }
            }
            for (; j < n; j++)
            {
                T* column = b + (nint)j * ldb;
                T* d = dst + j;
                for (int p = 0; p < k; p++, d += width) *d = column[p];
            }
        }
        else
        {
            for (int p = 0; p < k; p++)
                new ReadOnlySpan<T>(b + (nint)p * ldb, n).CopyTo(new Span<T>(dst + (nint)p * width, n));
        }
        for (int p = 0; p < k; p++)
            new Span<T>(dst + (nint)p * width + n, width - n).Clear();
    }

    /// <summary>Four rows of C: two column vectors at a time (8 independent accumulators), then one.</summary>
    private static void Rows4<T>(int k, int n, T* a, nint rowStep, nint innerStep, T* b, nint ldb, T* c, nint ldc, Store<T> store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int vc = Vector<T>.Count;
        int j = 0;
        for (; j + vc < n; j += 2 * vc)
        {
            Vector<T> x0 = default, x1 = default, x2 = default, x3 = default;
            Vector<T> y0 = default, y1 = default, y2 = default, y3 = default;
            T* ap = a;
            T* bj = b + j;
            for (int p = 0; p < k; p++, ap += innerStep, bj += ldb)
            {
                Vector<T> b0 = Vector.Load(bj), b1 = Vector.Load(bj + vc);
                var a0 = new Vector<T>(ap[0]);
                x0 = SimdMath.MultiplyAdd(a0, b0, x0); y0 = SimdMath.MultiplyAdd(a0, b1, y0);
                var a1 = new Vector<T>(ap[rowStep]);
                x1 = SimdMath.MultiplyAdd(a1, b0, x1); y1 = SimdMath.MultiplyAdd(a1, b1, y1);
                var a2 = new Vector<T>(ap[2 * rowStep]);
                x2 = SimdMath.MultiplyAdd(a2, b0, x2); y2 = SimdMath.MultiplyAdd(a2, b1, y2);
                var a3 = new Vector<T>(ap[3 * rowStep]);
                x3 = SimdMath.MultiplyAdd(a3, b0, x3); y3 = SimdMath.MultiplyAdd(a3, b1, y3);
            }
            store.Write(x0, c + j, j); store.Write(y0, c + j + vc, j + vc);
            store.Write(x1, c + ldc + j, j); store.Write(y1, c + ldc + j + vc, j + vc);
            store.Write(x2, c + 2 * ldc + j, j); store.Write(y2, c + 2 * ldc + j + vc, j + vc);
            store.Write(x3, c + 3 * ldc + j, j); store.Write(y3, c + 3 * ldc + j + vc, j + vc);
        }
        if (j >= n) return;
        Vector<T> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
        T* aq = a;
        T* bq = b + j;
        for (int p = 0; p < k; p++, aq += innerStep, bq += ldb)
        {
            var bv = Vector.Load(bq);
            acc0 = SimdMath.MultiplyAdd(new Vector<T>(aq[0]), bv, acc0);
            acc1 = SimdMath.MultiplyAdd(new Vector<T>(aq[rowStep]), bv, acc1);
            acc2 = SimdMath.MultiplyAdd(new Vector<T>(aq[2 * rowStep]), bv, acc2);
            acc3 = SimdMath.MultiplyAdd(new Vector<T>(aq[3 * rowStep]), bv, acc3);
        }
        store.Write(acc0, c + j, j);
        store.Write(acc1, c + ldc + j, j);
        store.Write(acc2, c + 2 * ldc + j, j);
        store.Write(acc3, c + 3 * ldc + j, j);
    }

    private static void Row1<T>(int k, int n, T* a, nint innerStep, T* b, nint ldb, T* c, Store<T> store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int vc = Vector<T>.Count;
        for (int j = 0; j < n; j += vc)
        {
            Vector<T> acc = default;
            T* ap = a;
            T* bj = b + j;
            for (int p = 0; p < k; p++, ap += innerStep, bj += ldb)
                acc = SimdMath.MultiplyAdd(new Vector<T>(*ap), Vector.Load(bj), acc);
            store.Write(acc, c + j, j);
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>Writes one vector of a row of C as alpha·acc + beta·C, masking the columns past n.</summary>
    private readonly struct Store<T>(T alpha, T beta, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(Vector<T> acc, T* c, int column)
        {
            int vc = Vector<T>.Count;
            if (alpha != T.One) acc *= alpha;
            if (column + vc <= n)
            {
                if (beta != T.Zero) acc = SimdMath.MultiplyAdd(new Vector<T>(beta), Vector.Load(c), acc);
                Vector.Store(acc, c);
                return;
            }
            for (int j = 0; j < n - column; j++)
                c[j] = beta == T.Zero ? acc[j] : acc[j] + beta * c[j];
        }
    }
}
