using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// The MR×NR register tiles of the packed GEMM: C[0..MR, 0..NR) += alpha · Σ_p a[p·MR + r] · b[p·NR + j]
/// over packed slivers of depth kc. <see cref="Fma256"/> keeps the 6×2 tile of 256-bit accumulators in
/// registers; <see cref="Portable"/> is the fallback for machines without AVX2/FMA.
/// </summary>
internal static unsafe class GemmMicroKernels<T> where T : unmanaged, INumberBase<T>
{
    /// <summary>The AVX2/FMA tile: 12 accumulators, two B loads and six broadcasts per step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Fma256(int kc, T* a, T* b, T* c, nint ldc, T alpha)
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.Load(b), b1 = Vector256.Load(b + w);
            Vector256<T> ai = Vector256.Create(a[0]);
            c00 = SimdMath.MultiplyAdd(ai, b0, c00); c01 = SimdMath.MultiplyAdd(ai, b1, c01);
            ai = Vector256.Create(a[1]);
            c10 = SimdMath.MultiplyAdd(ai, b0, c10); c11 = SimdMath.MultiplyAdd(ai, b1, c11);
            ai = Vector256.Create(a[2]);
            c20 = SimdMath.MultiplyAdd(ai, b0, c20); c21 = SimdMath.MultiplyAdd(ai, b1, c21);
            ai = Vector256.Create(a[3]);
            c30 = SimdMath.MultiplyAdd(ai, b0, c30); c31 = SimdMath.MultiplyAdd(ai, b1, c31);
            ai = Vector256.Create(a[4]);
            c40 = SimdMath.MultiplyAdd(ai, b0, c40); c41 = SimdMath.MultiplyAdd(ai, b1, c41);
            ai = Vector256.Create(a[5]);
            c50 = SimdMath.MultiplyAdd(ai, b0, c50); c51 = SimdMath.MultiplyAdd(ai, b1, c51);
            a += GemmBlocking<T>.MR;
            b += 2 * w;
        }
        Vector256<T> va = Vector256.Create(alpha);
        Update(c, w, c00, c01, va); c += ldc;
        Update(c, w, c10, c11, va); c += ldc;
        Update(c, w, c20, c21, va); c += ldc;
        Update(c, w, c30, c31, va); c += ldc;
        Update(c, w, c40, c41, va); c += ldc;
        Update(c, w, c50, c51, va);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(T* c, int w, Vector256<T> x0, Vector256<T> x1, Vector256<T> alpha)
    {
        Vector256.Store(SimdMath.MultiplyAdd(x0, alpha, Vector256.Load(c)), c);
        Vector256.Store(SimdMath.MultiplyAdd(x1, alpha, Vector256.Load(c + w)), c + w);
    }

    /// <summary>The same tile with <see cref="Vector{T}"/> accumulators in a stack buffer (any vector width).</summary>
    [SkipLocalsInit]
    internal static void Portable(int kc, T* a, T* b, T* c, nint ldc, T alpha)
    {
        const int mr = GemmBlocking<T>.MR;
        int nr = GemmBlocking<T>.NR, vc = Vector<T>.Count, perRow = nr / vc;
        Vector<T>* acc = stackalloc Vector<T>[mr * perRow];
        new Span<Vector<T>>(acc, mr * perRow).Clear();
        for (int p = 0; p < kc; p++, a += mr, b += nr)
        {
            for (int r = 0; r < mr; r++)
            {
                var ar = new Vector<T>(a[r]);
                for (int v = 0; v < perRow; v++)
                    acc[r * perRow + v] = SimdMath.MultiplyAdd(ar, Vector.Load(b + v * vc), acc[r * perRow + v]);
            }
        }
        var va = new Vector<T>(alpha);
        for (int r = 0; r < mr; r++, c += ldc)
        {
            for (int v = 0; v < perRow; v++)
                Vector.Store(SimdMath.MultiplyAdd(acc[r * perRow + v], va, Vector.Load(c + v * vc)), c + v * vc);
        }
    }
}
