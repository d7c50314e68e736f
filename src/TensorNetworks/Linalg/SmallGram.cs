using System.Runtime.CompilerServices;
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
/// if (SmallGram.Suits(m, n)) SmallGram.Multiply(a, m, n, g);        // a: m × n, g = a·aᵀ (m × m, row-major)
/// if (SmallGram.Suits(m, n)) SmallGram.MultiplyColumns(y, n, m, g); // y: n × m, g = yᵀ·y
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

    /// <summary>Most columns of Y for <see cref="MultiplyColumns"/>: against OpenBLAS's dsyrk (one core, medians of 2000
    /// calls) it took 7.5 against 8.6 µs at 160×40, 1.0 against 1.6 at 80×20, 16.5 against 25 at 2000×16, but 27 against
    /// 17 at 128×64 and 53 against 33 at 256×64, each block streaming all of Y's rows.</summary>
    internal const int MaxGramColumns = 40;

    /// <summary>Whether Yᵀ·Y of an n × m float64 matrix Y suits <see cref="MultiplyColumns"/> on this machine.</summary>
    internal static bool SuitsColumns(int n, int m) => Suits(m, n) && m <= MaxGramColumns;

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

    /// <summary>
    /// Writes G = Yᵀ·Y (m × m, row-major, both triangles) for Y (n × m, row-major): the Gram matrix of Y's columns, as
    /// for the last mode of a tensor. Blocks of G of four rows by four columns at or below the diagonal accumulate
    /// G[i+r, j..j+3] += Y[t, i+r]·Y[t, j..j+3] over the rows t of Y, one load of Y[t, j..j+3] serving four products,
    /// even and odd rows t into separate sums so that consecutive products do not wait on each other;
    /// rows and columns past the last multiple of four take dot products down Y's columns. Requires
    /// <see cref="SuitsColumns"/>(n, m).
    /// </summary>
    internal static void MultiplyColumns(ReadOnlySpan<double> y, int n, int m, Span<double> g)
    {
        int blocked = m / 4 * 4;
        for (int i = 0; i < blocked; i += 4)
            for (int j = 0; j <= i; j += 4)
                ColumnBlock(y, n, m, i, j, g);
        for (int i = blocked; i < m; i++)
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int t = 0; t < n; t++) sum += y[t * m + i] * y[t * m + j];
                g[i * m + j] = g[j * m + i] = sum;
            }
    }

    /// <summary>G[i..i+3, j..j+3] of Yᵀ·Y and its mirror, j ≤ i.</summary>
    private static void ColumnBlock(ReadOnlySpan<double> y, int n, int m, int i, int j, Span<double> g)
    {
        ref double start = ref MemoryMarshal.GetReference(y);
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
        Vector256<double> r0 = default, r1 = default, r2 = default, r3 = default;
        nuint row = 0, stride = (nuint)m;
        int t = 0;
        for (; t + 2 <= n; t += 2, row += 2 * stride)
        {
            Vector256<double> columns = Vector256.LoadUnsafe(ref start, row + (nuint)j);
            Vector256<double> next = Vector256.LoadUnsafe(ref start, row + stride + (nuint)j);
            ref double left = ref Unsafe.Add(ref start, row + (nuint)i);
            ref double below = ref Unsafe.Add(ref left, stride);
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(left), columns, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 1)), columns, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 2)), columns, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 3)), columns, s3);
            r0 = Vector256.FusedMultiplyAdd(Vector256.Create(below), next, r0);
            r1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref below, 1)), next, r1);
            r2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref below, 2)), next, r2);
            r3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref below, 3)), next, r3);
        }
        if (t < n)
        {
            Vector256<double> columns = Vector256.LoadUnsafe(ref start, row + (nuint)j);
            ref double left = ref Unsafe.Add(ref start, row + (nuint)i);
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(left), columns, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 1)), columns, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 2)), columns, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref left, 3)), columns, s3);
        }
        s0 += r0;
        s1 += r1;
        s2 += r2;
        s3 += r3;
        Store(g, m, i, j, s0);
        Store(g, m, i + 1, j, s1);
        Store(g, m, i + 2, j, s2);
        Store(g, m, i + 3, j, s3);
    }

    /// <summary>G[row, j..j+3] = sums and the mirrored entries, for the columns at or left of the diagonal only (in a
    /// diagonal block the entries right of it come from the row whose mirror they are, the same sum of the same products).</summary>
    private static void Store(Span<double> g, int m, int row, int j, Vector256<double> sums)
    {
        for (int c = 0; c < 4 && j + c <= row; c++)
            g[row * m + j + c] = g[(j + c) * m + row] = sums.GetElement(c);
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
