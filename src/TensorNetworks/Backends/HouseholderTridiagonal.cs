using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// Reduces a symmetric n×n matrix to tridiagonal form by Householder reflections, A = Q·T·Qᵀ, in the
/// order of the EISPACK routine tred2: row i = n−1, …, 2 is reduced against the leading i×i block with
/// H_i = I − u·uᵀ/h (u in that row, scaled by the row's 1-norm), and the block is updated as
/// A ← A − u·qᵀ − q·uᵀ with p = A·u/h, q = p − (uᵀp / 2h)·u. Both triangles are kept, so that every
/// product reads whole rows. Qᵀ = H_1·H_2·…·H_{n−1} is then accumulated left to right, each H_i touching
/// only the leading i×i block.
/// </summary>
/// <example><code>
/// HouseholderTridiagonal.Reduce(n, a, d, e, qt); // d: diagonal of T, e[i]: T[i, i−1] (e[0] = 0), qt = Qᵀ
/// </code></example>
internal static unsafe class HouseholderTridiagonal
{
    /// <summary>
    /// Reduces the full symmetric row-major <paramref name="a"/> (overwritten by the reflectors);
    /// <paramref name="d"/> receives T's diagonal, <paramref name="e"/> its subdiagonal (e[i] = T[i, i−1],
    /// e[0] = 0), and <paramref name="qt"/> (n×n, row-major) Qᵀ, so that row j of Qᵀ·… is basis vector j.
    /// </summary>
    internal static void Reduce(int n, Span<double> a, Span<double> d, Span<double> e, Span<double> qt)
    {
        using var h = new PooledArray<double>(n);
        using var p = new PooledArray<double>(n);
        Span<double> denominators = h.Array.AsSpan(0, n);
        denominators.Clear();
        fixed (double* pa = a, pp = p.Array)
        {
            for (int i = n - 1; i > 0; i--)
                denominators[i] = ReduceRow(n, i, pa, pp, e);
        }
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
        e[0] = 0;
        Accumulate(n, a, denominators, qt);
    }

    /// <summary>Reflects row i against the leading i×i block; returns h (0 when no reflection was needed).</summary>
    private static double ReduceRow(int n, int i, double* a, double* p, Span<double> e)
    {
        double* u = a + (nint)i * n;
        int last = i - 1;
        double scale = 0;
        for (int k = 0; k < i; k++) scale += Math.Abs(u[k]);
        if (last == 0 || scale == 0)
        {
            e[i] = u[last];
            return 0;
        }
        double squares = 0;
        for (int k = 0; k < i; k++)
        {
            u[k] /= scale;
            squares += u[k] * u[k];
        }
        double f = u[last], g = f >= 0 ? -Math.Sqrt(squares) : Math.Sqrt(squares);
        e[i] = scale * g;
        double h = squares - f * g;
        u[last] = f - g;
        double up = 0;
        for (int j = 0; j < i; j++)
        {
            p[j] = Dot(a + (nint)j * n, u, i) / h;
            up += p[j] * u[j];
        }
        double half = up / (h + h);
        for (int j = 0; j < i; j++) p[j] -= half * u[j];
        for (int j = 0; j < i; j++) SubtractTwo(a + (nint)j * n, u[j], p, p[j], u, i);
        return h;
    }

    /// <summary>Qᵀ = H_1·H_2·…·H_{n−1}: starting from I, each H_i = I − u·uᵀ/h updates rows and columns below i only.</summary>
    private static void Accumulate(int n, Span<double> a, ReadOnlySpan<double> denominators, Span<double> qt)
    {
        qt[..(n * n)].Clear();
        for (int i = 0; i < n; i++) qt[i * n + i] = 1;
        fixed (double* pa = a, pq = qt)
        {
            for (int i = 1; i < n; i++)
            {
                if (denominators[i] == 0) continue;
                double* u = pa + (nint)i * n;
                double inverse = 1 / denominators[i];
                for (int r = 0; r < i; r++)
                {
                    double* row = pq + (nint)r * n;
                    SubtractScaled(row, Dot(row, u, i) * inverse, u, i);
                }
            }
        }
    }

    private static double Dot(double* x, double* y, int length)
    {
        int k = 0, lanes = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        for (; k <= length - lanes; k += lanes) sum = SimdMath.MultiplyAdd(Vector.Load(x + k), Vector.Load(y + k), sum);
        double s = Vector.Sum(sum);
        for (; k < length; k++) s += x[k] * y[k];
        return s;
    }

    /// <summary>x ← x − α·y over <paramref name="length"/> elements.</summary>
    private static void SubtractScaled(double* x, double alpha, double* y, int length)
    {
        int k = 0, lanes = Vector<double>.Count;
        var va = new Vector<double>(-alpha);
        for (; k <= length - lanes; k += lanes) SimdMath.MultiplyAdd(va, Vector.Load(y + k), Vector.Load(x + k)).Store(x + k);
        for (; k < length; k++) x[k] -= alpha * y[k];
    }

    /// <summary>x ← x − α·y − β·z over <paramref name="length"/> elements.</summary>
    private static void SubtractTwo(double* x, double alpha, double* y, double beta, double* z, int length)
    {
        int k = 0, lanes = Vector<double>.Count;
        Vector<double> va = new(-alpha), vb = new(-beta);
        for (; k <= length - lanes; k += lanes)
            SimdMath.MultiplyAdd(vb, Vector.Load(z + k), SimdMath.MultiplyAdd(va, Vector.Load(y + k), Vector.Load(x + k))).Store(x + k);
        for (; k < length; k++) x[k] -= alpha * y[k] + beta * z[k];
    }
}
