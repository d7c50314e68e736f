using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using TensorNetworks.Backends;

namespace TensorNetworks;

/// <summary>
/// The kernel of <see cref="TN.Linalg.Gram"/>: G = Σ_p X_p·X_pᵀ for a row-major tensor viewed as P × I × Q,
/// one backend GEMM per block X_p (I × Q) with β = 1 after the first, so the unfolding is never copied.
/// When Q = 1 the blocks are single columns and G = Yᵀ·Y for Y = X as P × I. G is symmetric, so from
/// I ≥ 128 only its lower block triangle is multiplied (rows split in halves: 3 of the 4 block products, as a
/// SYRK would) and the upper block is mirrored. A wide matrix with few rows uses chunked dot products. A float64
/// matrix of 4-64 rows (P = 1), or of 4-40 columns for the last mode (Q = 1), goes to <see cref="SmallGram"/> on either
/// backend. On the
/// OpenBLAS backend an unfolding that needs no blocks (P = 1 or Q = 1) is one real SYRK instead
/// (<see cref="OpenBlasLapack.Gram{T}"/>).
/// </summary>
internal static class GramBlocks
{
    /// <summary>Blocks narrower than this (Q &lt; 32 columns) make one GEMM call per block too costly against
    /// copying the unfolding once; <see cref="TN.Linalg.Gram"/> then unfolds instead.</summary>
    internal const int MinBlockColumns = 32;

    /// <summary>A wide matrix with at most this many rows has its Gram matrix formed by dot products over
    /// column chunks (<see cref="SmallRows{T}"/>): a GEMM with m = n ≤ 16 runs far below the backend's rate
    /// (measured: 4×262144 in 3.3-7.5 ms through OpenBLAS under load, and 16×65536 in 3.0 ms against 1.2 ms).</summary>
    internal const int MaxSmallRows = 16;

    /// <summary>From this many rows the lower block triangle alone is multiplied (measured on 200×40000 in
    /// float64: 3 GEMMs of 100×100 cost about 65 ms against 80 ms for the full 200×200 product).</summary>
    internal const int MinSplitRows = 128;

    /// <summary>Columns per chunk of <see cref="SmallRows{T}"/>: 16 rows of 2048 float64 values stay in L2.</summary>
    private const int ChunkColumns = 2048;

    /// <summary>Writes G (I × I) for the non-empty tensor <paramref name="x"/> viewed as before × size × after.</summary>
    internal static void Accumulate(Tensor x, Tensor gram, int before, int size, int after)
    {
        if (x.DType == DType.Float32) Accumulate(x.Span<float>(), gram.Span<float>(), before, size, after);
        else Accumulate(x.Span<double>(), gram.Span<double>(), before, size, after);
        GC.KeepAlive(x);
        GC.KeepAlive(gram);
    }

    private static void Accumulate<T>(ReadOnlySpan<T> x, Span<T> g, int before, int size, int after) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double) && before == 1 && SmallGram.Suits(size, after))
        {
            SmallGram.Multiply(MemoryMarshal.Cast<T, double>(x), size, after, MemoryMarshal.Cast<T, double>(g));
            return;
        }
        if (typeof(T) == typeof(double) && after == 1 && SmallGram.SuitsColumns(before, size))
        {
            SmallGram.MultiplyColumns(MemoryMarshal.Cast<T, double>(x), before, size, MemoryMarshal.Cast<T, double>(g));
            return;
        }
        if (Backend.Lapack is OpenBlasLapack && (before == 1 || after == 1))
        {
            OpenBlasLapack.Gram(transposed: after == 1, size, before * after, x, g);
            return;
        }
        if (before == 1 && size <= MaxSmallRows)
        {
            SmallRows(x, size, after, g);
            return;
        }
        int half = size >= MinSplitRows ? size / 2 : size;
        if (after == 1)
        {
            // G = Yᵀ·Y for Y = X as before × size: index i of G is column i of Y.
            LowerBlocks(x, g, size, half, transposed: true, step: 1, ld: size, k: before, T.Zero);
        }
        else
        {
            int block = size * after;
            for (int p = 0; p < before; p++)
                LowerBlocks(x.Slice(p * block, block), g, size, half, transposed: false, step: after, ld: after, k: after, p == 0 ? T.Zero : T.One);
        }
        for (int i = 0; i < half; i++)
            for (int j = half; j < size; j++)
                g[i * size + j] = g[j * size + i];
    }

    /// <summary>
    /// G_ab (+)= op(X_a)·op(X_b)ᵀ over the lower block triangle for the split of the I indices at
    /// <paramref name="half"/> (one product when half = I). Index i of G starts at element i·step of
    /// <paramref name="x"/>: rows of an I × k matrix (step = ld = k) or, when transposed, columns of a k × I one.
    /// </summary>
    private static void LowerBlocks<T>(ReadOnlySpan<T> x, Span<T> g, int size, int half, bool transposed, int step, int ld, int k, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rest = size - half;
        Gemm(transposed, !transposed, half, half, k, x, ld, x, ld, beta, g, size);
        if (rest == 0) return;
        ReadOnlySpan<T> second = x[(half * step)..];
        Gemm(transposed, !transposed, rest, half, k, second, ld, x, ld, beta, g[(half * size)..], size);
        Gemm(transposed, !transposed, rest, rest, k, second, ld, second, ld, beta, g[(half * size + half)..], size);
    }

    /// <summary><see cref="IBlas.Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int)"/>
    /// for either dtype, with α = 1.</summary>
    private static void Gemm<T>(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        IBlas blas = Backend.Blas;
        if (typeof(T) == typeof(float))
            blas.Gemm(transA, transB, m, n, k, 1f, MemoryMarshal.Cast<T, float>(a), lda, MemoryMarshal.Cast<T, float>(b), ldb, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        else
            blas.Gemm(transA, transB, m, n, k, 1.0, MemoryMarshal.Cast<T, double>(a), lda, MemoryMarshal.Cast<T, double>(b), ldb, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
    }

    /// <summary>G = A·Aᵀ for a row-major rows × cols matrix A, as dot products of row pairs over chunks of
    /// columns (each chunk read once from memory), accumulated in double and mirrored to the upper triangle.</summary>
    private static void SmallRows<T>(ReadOnlySpan<T> a, int rows, int cols, Span<T> gram) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<double> sums = stackalloc double[rows * rows];
        sums.Clear();
        for (int start = 0; start < cols; start += ChunkColumns)
        {
            int width = Math.Min(ChunkColumns, cols - start);
            for (int i = 0; i < rows; i++)
            {
                ReadOnlySpan<T> ri = a.Slice(i * cols + start, width);
                for (int j = 0; j <= i; j++)
                    sums[i * rows + j] += double.CreateTruncating(SimdSum.Dot(ri, a.Slice(j * cols + start, width)));
            }
        }
        for (int i = 0; i < rows; i++)
            for (int j = 0; j <= i; j++)
                gram[i * rows + j] = gram[j * rows + i] = T.CreateTruncating(sums[i * rows + j]);
    }
}
