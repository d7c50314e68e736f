using System.Numerics.Tensors;

namespace TensorNetworks.Backends;

/// <summary>
/// Reduces a symmetric n×n matrix to tridiagonal form by Householder reflections, A = Q·T·Qᵀ, in the
/// order of the EISPACK routine tred2: row i = n−1, …, 2 is reduced against the leading i×i block with
/// H_i = I − u·uᵀ/h (u in that row, scaled by the row's 1-norm), and the block is updated as
/// A ← A − u·qᵀ − q·uᵀ with p = A·u/h, q = p − (uᵀp / 2h)·u. Only the lower triangle is read and updated:
/// row j of the block gives Σ_{k&lt;j} A_jk·u_k to p_j and A_jk·u_j to each p_k in one pass
/// (<see cref="HouseholderKernels.DotAndAccumulate"/>), and the update touches k ≤ j only, half the work of
/// keeping both triangles. Qᵀ = H_1·H_2·…·H_{n−1} is then accumulated left to right, each H_i touching only
/// the leading i×i block.
/// </summary>
/// <example><code>
/// HouseholderTridiagonal.Reduce(n, a, d, e, qt); // d: diagonal of T, e[i]: T[i, i−1] (e[0] = 0), qt = Qᵀ
/// </code></example>
internal static unsafe class HouseholderTridiagonal
{
    /// <summary>
    /// Reduces the symmetric row-major <paramref name="a"/> (lower triangle read, overwritten by the reflectors);
    /// <paramref name="d"/> receives T's diagonal, <paramref name="e"/> its subdiagonal (e[i] = T[i, i−1],
    /// e[0] = 0), and <paramref name="qt"/> (n×n, row-major) Qᵀ, so that row j of Qᵀ·… is basis vector j.
    /// Both <paramref name="a"/> and <paramref name="qt"/> hold n² + <see cref="HouseholderKernels.Overread"/>
    /// elements, the last ones scratch for the kernels' final masked blocks.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="a"/> or <paramref name="qt"/> is shorter than that.</exception>
    internal static void Reduce(int n, Span<double> a, Span<double> d, Span<double> e, Span<double> qt)
    {
        int length = n * n + HouseholderKernels.Overread;
        if (a.Length < length || qt.Length < length)
            throw new ArgumentException($"HouseholderTridiagonal.Reduce: n = {n} needs a and qt of at least n² + {HouseholderKernels.Overread} = {length} elements, got {a.Length} and {qt.Length}.");
        using var h = new PooledArray<double>(n);
        using var p = new PooledArray<double>(Partials * PartialStride(n));
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

    /// <summary>Rows of the block add into this many partial sums of p = A·u in turn, so that a row's additions do not
    /// wait for the previous row's stores to the same elements.</summary>
    private const int Partials = 4;

    /// <summary>Distance between the partial sums of p: n, room for the kernels' final masked block, rounded up to a
    /// 64-byte multiple.</summary>
    private static int PartialStride(int n) => (n + HouseholderKernels.Overread + 7) & ~7;

    /// <summary>Reflects row i against the leading i×i block (its lower triangle); returns h (0 when no
    /// reflection was needed).</summary>
    private static double ReduceRow(int n, int i, double* a, double* p, Span<double> e)
    {
        double* u = a + (nint)i * n;
        int last = i - 1;
        double scale = TensorPrimitives.SumOfMagnitudes(new ReadOnlySpan<double>(u, i));
        if (last == 0 || scale == 0)
        {
            e[i] = u[last];
            return 0;
        }
        double squares = HouseholderKernels.DivideAndSumSquares(u, scale, i);
        double f = u[last], g = f >= 0 ? -Math.Sqrt(squares) : Math.Sqrt(squares);
        e[i] = scale * g;
        double h = squares - f * g;
        u[last] = f - g;
        int stride = PartialStride(n);
        new Span<double>(p, Partials * stride).Clear();
        for (int j = 0; j < i; j++)
        {
            double* aj = a + (nint)j * n, partial = p + (j % Partials) * stride;
            partial[j] = HouseholderKernels.DotAndAccumulate(aj, u, partial, u[j], j) + aj[j] * u[j]; // later rows add to p_j
        }
        HouseholderKernels.AddPartials(p, stride, i);
        double half = HouseholderKernels.ScaleAndDot(p, 1 / h, u, i) / (h + h);
        HouseholderKernels.SubtractScaled(p, half, u, i);
        for (int j = 0; j < i; j++) HouseholderKernels.SubtractTwo(a + (nint)j * n, u[j], p, p[j], u, j + 1);
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
                    HouseholderKernels.SubtractScaled(row, HouseholderKernels.Dot(row, u, i) * inverse, u, i);
                }
            }
        }
    }
}
