using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded layouts the micro-kernels
/// stream through: A in slivers of MR rows (element (r, p) of a sliver at p·MR + r) and B in slivers
/// of NR columns (element (p, j) at p·NR + j). Transposition is absorbed here, once per block.
/// </summary>
internal static unsafe class GemmPacking<T> where T : unmanaged, INumberBase<T>
{
    /// <summary>Packs rows [i0, i0 + mc) and inner indices [p0, p0 + kc) of op(A).</summary>
    internal static void PackA(bool transA, T* a, int lda, int i0, int p0, int mc, int kc, T* dst)
    {
        const int mr = GemmBlocking<T>.MR;
        for (int s = 0; s < mc; s += mr)
        {
            int rows = Math.Min(mr, mc - s);
            T* d = dst + (nint)s * kc;
            if (transA)
            {
                T* src = a + (nint)p0 * lda + i0 + s;
                for (int p = 0; p < kc; p++, src += lda, d += mr)
                {
                    int r = 0;
                    for (; r < rows; r++) d[r] = src[r];
                    for (; r < mr; r++) d[r] = T.Zero;
                }
            }
            else if (rows == mr)
            {
                T* r0 = a + (nint)(i0 + s) * lda + p0;
                T* r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda, r4 = r3 + lda, r5 = r4 + lda;
                for (int p = 0; p < kc; p++, d += mr)
                {
                    d[0] = r0[p]; d[1] = r1[p]; d[2] = r2[p];
                    d[3] = r3[p]; d[4] = r4[p]; d[5] = r5[p];
                }
            }
            else
            {
                new Span<T>(d, mr * kc).Clear();
                for (int r = 0; r < rows; r++)
                {
                    T* src = a + (nint)(i0 + s + r) * lda + p0;
                    for (int p = 0; p < kc; p++) d[p * mr + r] = src[p];
                }
            }
        }
    }

    /// <summary>Packs inner indices [p0, p0 + kc) and columns [j0, j0 + nc) of op(B).</summary>
    internal static void PackB(bool transB, T* b, int ldb, int p0, int j0, int kc, int nc, T* dst)
    {
        int nr = GemmBlocking<T>.NR;
        for (int t = 0; t < nc; t += nr)
        {
            int cols = Math.Min(nr, nc - t);
            T* d = dst + (nint)t * kc;
            if (cols < nr) new Span<T>(d, nr * kc).Clear();
            if (transB)
            {
                for (int j = 0; j < cols; j++)
                {
                    T* src = b + (nint)(j0 + t + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) d[p * nr + j] = src[p];
                }
            }
            else
            {
                T* src = b + (nint)p0 * ldb + j0 + t;
                for (int p = 0; p < kc; p++, src += ldb, d += nr)
                    new ReadOnlySpan<T>(src, cols).CopyTo(new Span<T>(d, cols));
            }
        }
    }
}
