namespace TensorNetworks.Backends;

/// <summary>
/// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix T by the implicit QL algorithm with Wilkinson
/// shifts (after the EISPACK routine tql2): for each l, sweeps of plane rotations i = m−1, …, l chase the bulge until a
/// subdiagonal element e[m] is negligible (<see cref="Negligible"/>), each unreduced block scaled to unit size first
/// (<see cref="Block"/>).
/// <para>The sweep's scalar chain sets the pace, so each rotation is written to keep it short: with f = s·e[i],
/// b = c·e[i], q = f² + g² and N = (d[i] − d[i+1] + p)·f + 2·g·b, the rotation gives p = f·N/q, the next g = g·N/q − b
/// and the next f² = (f·e[i−1])²/q. The next q thus waits for one division by q, not for the square root and the
/// division by r = √q that give c = g/r and s = f/r (for the rows and the next f and b) beside it; at n = 40 the chain
/// alone went from 31 to 19 µs. Where q &lt; 2⁻⁶⁰⁰ the rotation takes tql2's own steps, t = (d[i] − d[i+1] + p)·s +
/// 2·c·b, p = s·t, g = c·t − b, whose products of a tiny number and a sine or cosine do not underflow as N's products
/// of two tiny numbers would.</para>
/// <para>The rotations reach the rows of Zᵀ in pairs (<see cref="PlaneRotations.RotatePair"/>), so each pair reads and
/// writes three rows instead of four, beside the chain of the next rotation.</para>
/// </summary>
/// <example><code>
/// TridiagonalQl.Diagonalize(n, d, e, zt); // d: eigenvalues (unordered); row j of zt: eigenvector j (times the Qᵀ it held)
/// </code></example>
internal static unsafe class TridiagonalQl
{
    /// <summary>Sweeps allowed per eigenvalue before the solver gives up (EISPACK's limit).</summary>
    internal const int MaxSweeps = 30;

    /// <summary>
    /// Diagonalizes T (diagonal <paramref name="d"/>, subdiagonal e[i] = T[i, i−1]; both overwritten) and
    /// rotates the rows of <paramref name="zt"/> (n×n, row-major) along; returns 0, or the 1-based index of an
    /// eigenvalue that did not converge within <see cref="MaxSweeps"/> sweeps (a NaN in T does that).
    /// </summary>
    internal static int Diagonalize(int n, Span<double> d, Span<double> e, Span<double> zt)
    {
        fixed (double* pd = d, pe = e, z = zt)
            return Diagonalize(n, pd, pe, z);
    }

    private static int Diagonalize(int n, double* d, double* e, double* z)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        var block = new Block { End = -1 };
        for (int l = 0; l < n; l++)
        {
            if (l > block.End) block = Block.Begin(n, d, e, l);
            for (int sweeps = 0; ; sweeps++)
            {
                int m = l;
                while (m < n - 1 && !Negligible(e[m], d[m], d[m + 1], block.Norm)) m++;
                if (m == l) break;
                if (sweeps == MaxSweeps) return l + 1;
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = double.Hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1, c = 1, p = 0, fSquared = e[m - 1] * e[m - 1];
                int i = m - 1;
                bool split = false, pending = false;
                double pendingC = 0, pendingS = 0;
                for (; i >= l; i--)
                {
                    double f = s * e[i], b = c * e[i], shifted = d[i + 1] - p;
                    double q = Math.FusedMultiplyAdd(g, g, fSquared);
                    r = Math.Sqrt(q);
                    e[i + 1] = r;
                    if (r == 0)
                    {
                        d[i + 1] -= p;
                        e[m] = 0;
                        split = true;
                        break;
                    }
                    double inverse = 1 / r, fNext = f * (i > l ? e[i - 1] : 0);
                    s = f * inverse;
                    c = g * inverse;
                    if (q >= TinySquare)
                    {
                        double numerator = Math.FusedMultiplyAdd(d[i] - shifted, f, 2 * b * g), inverseSquare = 1 / q;
                        p = f * numerator * inverseSquare;
                        fSquared = fNext * (fNext * inverseSquare);
                        g = Math.FusedMultiplyAdd(g * numerator, inverseSquare, -b);
                    }
                    else
                    {
                        double t = (d[i] - shifted) * s + 2 * c * b;
                        p = s * t;
                        fNext *= inverse;
                        fSquared = fNext * fNext;
                        g = c * t - b;
                    }
                    d[i + 1] = shifted + p;
                    if (pending) PlaneRotations.RotatePair(n, z + (nint)i * n, pendingC, pendingS, c, s);
                    else (pendingC, pendingS) = (c, s);
                    pending = !pending;
                }
                if (pending) PlaneRotations.Rotate(n, z + (nint)(i + 1) * n, pendingC, pendingS);
                if (split) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
            if (l == block.End) block.Unscale(d);
        }
        return 0;
    }

    /// <summary>
    /// An unreduced block T[start..End] of T (bounded by exact zeros of e), scaled by 2^−Exponent (exact) so that its
    /// largest entry lies in [1, 2), as LAPACK's ?steqr scales each block: a block far below the rest of T then
    /// iterates without its squares underflowing, and its eigenvalues keep their accuracy relative to the block.
    /// Norm = max_i (|d_i| + |e_i| + |e_{i−1}|) over the scaled block.
    /// </summary>
    private struct Block
    {
        public int Start, End, Exponent;
        public double Norm;

        public static Block Begin(int n, double* d, double* e, int start)
        {
            int end = start;
            while (end < n - 1 && e[end] != 0) end++;
            double largest = 0;
            for (int k = start; k <= end; k++) largest = Math.Max(largest, Math.Abs(d[k]));
            for (int k = start; k < end; k++) largest = Math.Max(largest, Math.Abs(e[k]));
            int exponent = largest > 0 && double.IsFinite(largest) ? Math.ILogB(largest) : 0;
            double norm = 0;
            for (int k = start; k <= end; k++)
            {
                d[k] = Math.ScaleB(d[k], -exponent);
                if (k < end) e[k] = Math.ScaleB(e[k], -exponent);
                norm = Math.Max(norm, Math.Abs(d[k]) + (k < end ? Math.Abs(e[k]) : 0) + (k > start ? Math.Abs(e[k - 1]) : 0));
            }
            return new Block { Start = start, End = end, Exponent = exponent, Norm = norm };
        }

        /// <summary>Scales the block's converged eigenvalues back by 2^Exponent.</summary>
        public readonly void Unscale(double* d)
        {
            if (Exponent == 0) return;
            for (int k = Start; k <= End; k++) d[k] = Math.ScaleB(d[k], Exponent);
        }
    }

    /// <summary>Whether the subdiagonal element e splits T between diagonal elements a and b: |e| ≤ eps·(|a| + |b|), or
    /// |e| ≤ eps·‖block‖ — the rounding the reduction to T already left (without it, an eigenvalue near eps·‖T‖ of a
    /// graded matrix, such as the Gram matrix of columns spanning 8 decades, never converged, its e stuck at the noise
    /// level). False for a NaN, so that a NaN sweeps until the limit instead of passing for converged.</summary>
    private static bool Negligible(double e, double a, double b, double blockNorm)
    {
        double magnitude = Math.Abs(e);
        return magnitude <= Eps * (Math.Abs(a) + Math.Abs(b)) || magnitude <= Eps * blockNorm;
    }

    /// <summary>
    /// Below this q = r² (2⁻⁶⁰⁰, of a T whose largest entry is near 1) a rotation takes tql2's steps through c and s.
    /// Above it 1/q stays below 2⁶⁰⁰, so a product such as g·N that underflows, off by at most 2⁻¹⁰⁷⁵, is off by
    /// under 2⁻⁴⁷⁵ once divided by q, far below eps·r ≥ 2⁻³⁵².
    /// </summary>
    private const double TinySquare = 2.409919865102884e-181;

    /// <summary>Unit roundoff of float64 (2⁻⁵²).</summary>
    private const double Eps = 2.220446049250313e-16;
}
