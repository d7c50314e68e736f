using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks;

/// <summary>
/// G = A·Aᵀ for a small float64 matrix A (m × n, row-major, 4 ≤ m ≤ <see cref="MaxRows"/>): the Gram matrices of
/// the cores of TT rounding and TT-SVD's short sides. Rows go in blocks of four against blocks of four at or above
/// them, sixteen dot products at once over four columns at a time, so each loaded piece of a row serves four
/// products; diagonal blocks compute all sixteen, and both triangles of G are written (exactly symmetric). Measured
/// through <see cref="TN.Linalg.Gram"/> (medians of 2000 calls, one core): 40×160 6.3 µs against 9.9 for OpenBLAS's
/// dsyrk (whose set-up dominates at this size) and 14.3 for the managed path; 20×80 1.0 against 2.0 and 1.8; 64×256 22
/// against 25.6 and 63; 40×1000 32 against 40 and 129; so both backends use it.
/// </summary>
/// <example><code>
/// if (SmallGram.Suits(m, n)) SmallGram.Multiply(a, m, n, g); // g: m × m, row-major
/// </code></example>
internal static class SmallGram
{
    /// <summary>Most rows handled here; larger Gram matrices are worth a backend SYRK or GEMM.</summary>
    internal const int MaxRows = 64;

    /// <summary>Most columns handled here: at 32×4096 the kernel only matched OpenBLAS (84 against 85 µs), whose split
    /// across the cores (<see cref="Backends.GemmSplit"/>) takes over on longer rows.</summary>
    internal const int MaxColumns = 2048;

    /// <summary>Whether an m × n float64 matrix suits this kernel on this machine.</summary>
    internal static bool Suits(int m, int n) => Vector256.IsHardwareAccelerated && m >= 4 && m <= MaxRows && n >= 4 && n <= MaxColumns;

    /// <summary>Writes G = A·Aᵀ (m × m, row-major, both triangles) for A (m × n, row-major); requires <see cref="Suits"/>.</summary>
    internal static void Multiply(ReadOnlySpan<double> a, int m, int n, Span<double> g)
    {
        int blocked = m / 4 * 4;
        for (int i = 0; i < blocked; i += 4)
            for (int j = 0; j <= i; j += 4)
                Block(a, n, i, j, g, m);
        for (int i = blocked; i < m; i++)
            for (int j = 0; j <= i; j++)
                g[i * m + j] = g[j * m + i] = Dot(a.Slice(i * n, n), a.Slice(j * n, n));
    }

    /// <summary>G[i..i+3, j..j+3] and its mirror, j ≤ i.</summary>
    private static void Block(ReadOnlySpan<double> a, int n, int i, int j, Span<double> g, int m)
    {
        ref double start = ref MemoryMarshal.GetReference(a);
        nuint i0 = (nuint)(i * n), i1 = i0 + (nuint)n, i2 = i1 + (nuint)n, i3 = i2 + (nuint)n;
        nuint j0 = (nuint)(j * n), j1 = j0 + (nuint)n, j2 = j1 + (nuint)n, j3 = j2 + (nuint)n;
        Vector256<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector256<double> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector256<double> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector256<double> s30 = default, s31 = default, s32 = default, s33 = default;
        int k = 0;
        for (; k + 4 <= n; k += 4)
        {
            nuint o = (nuint)k;
            Vector256<double> b0 = Vector256.LoadUnsafe(ref start, j0 + o), b1 = Vector256.LoadUnsafe(ref start, j1 + o);
            Vector256<double> b2 = Vector256.LoadUnsafe(ref start, j2 + o), b3 = Vector256.LoadUnsafe(ref start, j3 + o);
            Vector256<double> x = Vector256.LoadUnsafe(ref start, i0 + o);
            s00 = Vector256.FusedMultiplyAdd(x, b0, s00); s01 = Vector256.FusedMultiplyAdd(x, b1, s01);
            s02 = Vector256.FusedMultiplyAdd(x, b2, s02); s03 = Vector256.FusedMultiplyAdd(x, b3, s03);
            x = Vector256.LoadUnsafe(ref start, i1 + o);
            s10 = Vector256.FusedMultiplyAdd(x, b0, s10); s11 = Vector256.FusedMultiplyAdd(x, b1, s11);
            s12 = Vector256.FusedMultiplyAdd(x, b2, s12); s13 = Vector256.FusedMultiplyAdd(x, b3, s13);
            x = Vector256.LoadUnsafe(ref start, i2 + o);
            s20 = Vector256.FusedMultiplyAdd(x, b0, s20); s21 = Vector256.FusedMultiplyAdd(x, b1, s21);
            s22 = Vector256.FusedMultiplyAdd(x, b2, s22); s23 = Vector256.FusedMultiplyAdd(x, b3, s23);
            x = Vector256.LoadUnsafe(ref start, i3 + o);
            s30 = Vector256.FusedMultiplyAdd(x, b0, s30); s31 = Vector256.FusedMultiplyAdd(x, b1, s31);
            s32 = Vector256.FusedMultiplyAdd(x, b2, s32); s33 = Vector256.FusedMultiplyAdd(x, b3, s33);
        }
        Span<double> sums =
        [
            Vector256.Sum(s00), Vector256.Sum(s01), Vector256.Sum(s02), Vector256.Sum(s03),
            Vector256.Sum(s10), Vector256.Sum(s11), Vector256.Sum(s12), Vector256.Sum(s13),
            Vector256.Sum(s20), Vector256.Sum(s21), Vector256.Sum(s22), Vector256.Sum(s23),
            Vector256.Sum(s30), Vector256.Sum(s31), Vector256.Sum(s32), Vector256.Sum(s33),
        ];
        for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++)
        {
            double sum = sums[r * 4 + c];
            for (int t = k; t < n; t++) sum += a[(i + r) * n + t] * a[(j + c) * n + t];
            g[(i + r) * m + j + c] = sum;
            g[(j + c) * m + i + r] = sum;
        }
    }

    /// <summary>x·y over four columns at a time, then the remaining columns.</summary>
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Vector256<double> sum = default;
        int k = 0;
        for (; k + 4 <= x.Length; k += 4)
            sum = Vector256.FusedMultiplyAdd(Vector256.Create(x.Slice(k, 4)), Vector256.Create(y.Slice(k, 4)), sum);
        double total = Vector256.Sum(sum);
        for (; k < x.Length; k++) total += x[k] * y[k];
        return total;
    }
}
