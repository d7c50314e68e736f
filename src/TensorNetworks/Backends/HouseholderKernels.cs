using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// The vector loops of <see cref="HouseholderTridiagonal"/> over rows of at most a few hundred elements. With
/// 512-bit vectors a row ends in one masked block instead of a 256-bit block and scalars: that block loads all 8
/// lanes, so every array passed must stay readable for <see cref="Overread"/> elements past the row's end; what those
/// lanes hold (even a NaN) never reaches a result, and the kernels that store into x store those lanes back unchanged
/// (<see cref="AddPartials"/> adds into the padding of its scratch rows too). Without 512-bit vectors: 256-bit blocks
/// and scalars for the per-row products, scalars for the once-per-column scalings. Short rows are why these are not
/// TensorPrimitives calls, whose per-call cost and scalar tails weigh at a few dozen elements.
/// </summary>
/// <example><code>
/// double dot = HouseholderKernels.DotAndAccumulate(row, u, p, u[j], j); // Σ row[k]·u[k], and p[k] += u[j]·row[k]
/// </code></example>
internal static unsafe class HouseholderKernels
{
    /// <summary>Elements past the end of a row that a kernel may read (and store back unchanged).</summary>
    internal const int Overread = 7;

    /// <summary>x[k] ← x[k] / <paramref name="divisor"/> (a true division, as a scalar loop would round it), and returns
    /// Σₖ x[k]² of the quotients.</summary>
    internal static double DivideAndSumSquares(double* x, double divisor, int length)
    {
        int k = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vd = Vector512.Create(divisor), acc = Vector512<double>.Zero;
            for (; k <= length - 8; k += 8)
            {
                Vector512<double> q = Vector512.Load(x + k) / vd;
                q.Store(x + k);
                acc = Vector512.FusedMultiplyAdd(q, q, acc);
            }
            if (k < length)
            {
                Vector512<double> mask = FirstLanes(length - k), old = Vector512.Load(x + k);
                Vector512<double> q = Vector512.ConditionalSelect(mask, old / vd, Vector512<double>.Zero);
                Vector512.ConditionalSelect(mask, q, old).Store(x + k);
                acc = Vector512.FusedMultiplyAdd(q, q, acc);
            }
            return Vector512.Sum(acc);
        }
        for (; k < length; k++)
        {
            x[k] /= divisor;
            sum = Math.FusedMultiplyAdd(x[k], x[k], sum);
        }
        return sum;
    }

    /// <summary>x[k] ← α·x[k], and returns Σₖ x[k]·y[k] of the scaled x.</summary>
    internal static double ScaleAndDot(double* x, double alpha, double* y, int length)
    {
        int k = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> va = Vector512.Create(alpha), acc = Vector512<double>.Zero;
            for (; k <= length - 8; k += 8)
            {
                Vector512<double> s = va * Vector512.Load(x + k);
                s.Store(x + k);
                acc = Vector512.FusedMultiplyAdd(s, Vector512.Load(y + k), acc);
            }
            if (k < length)
            {
                Vector512<double> mask = FirstLanes(length - k), old = Vector512.Load(x + k);
                Vector512<double> s = va * old;
                Vector512.ConditionalSelect(mask, s, old).Store(x + k);
                acc = Vector512.ConditionalSelect(mask, Vector512.FusedMultiplyAdd(s, Vector512.Load(y + k), acc), acc);
            }
            return Vector512.Sum(acc);
        }
        for (; k < length; k++)
        {
            x[k] *= alpha;
            sum = Math.FusedMultiplyAdd(x[k], y[k], sum);
        }
        return sum;
    }

    /// <summary>p[k] += p[k + s] + p[k + 2s] + p[k + 3s] over <paramref name="length"/> elements (s = <paramref name="stride"/>):
    /// the four partial sums that <see cref="DotAndAccumulate"/> filled in turn, added into the first.</summary>
    internal static void AddPartials(double* p, int stride, int length)
    {
        double* p1 = p + stride, p2 = p1 + stride, p3 = p2 + stride;
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; k < length; k += 8)
                (Vector512.Load(p + k) + Vector512.Load(p1 + k) + (Vector512.Load(p2 + k) + Vector512.Load(p3 + k))).Store(p + k);
        for (; k < length; k++) p[k] += p1[k] + p2[k] + p3[k];
    }

    /// <summary>Σₖ x[k]·y[k] over <paramref name="length"/> elements, and p[k] += α·x[k] on the way: one row's share of
    /// y ↦ A·y when only A's lower triangle is stored (row j gives Σ_{k&lt;j} A_jk·y_k to p_j and A_jk·y_j to every p_k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double DotAndAccumulate(double* x, double* y, double* p, double alpha, int length)
    {
        int k = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> va = Vector512.Create(alpha), acc = Vector512<double>.Zero;
            for (; k <= length - 8; k += 8)
            {
                Vector512<double> vx = Vector512.Load(x + k);
                acc = Vector512.FusedMultiplyAdd(vx, Vector512.Load(y + k), acc);
                Vector512.FusedMultiplyAdd(va, vx, Vector512.Load(p + k)).Store(p + k);
            }
            if (k < length)
            {
                Vector512<double> mask = FirstLanes(length - k), vx = Vector512.Load(x + k), vp = Vector512.Load(p + k);
                acc = Vector512.ConditionalSelect(mask, Vector512.FusedMultiplyAdd(vx, Vector512.Load(y + k), acc), acc);
                Vector512.ConditionalSelect(mask, Vector512.FusedMultiplyAdd(va, vx, vp), vp).Store(p + k);
            }
            return Vector512.Sum(acc);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> va = Vector256.Create(alpha), acc = Vector256<double>.Zero;
            for (; k <= length - 4; k += 4)
            {
                Vector256<double> vx = Vector256.Load(x + k);
                acc = Vector256.FusedMultiplyAdd(vx, Vector256.Load(y + k), acc);
                Vector256.FusedMultiplyAdd(va, vx, Vector256.Load(p + k)).Store(p + k);
            }
            sum = Vector256.Sum(acc);
        }
        for (; k < length; k++)
        {
            sum = Math.FusedMultiplyAdd(x[k], y[k], sum);
            p[k] = Math.FusedMultiplyAdd(alpha, x[k], p[k]);
        }
        return sum;
    }

    /// <summary>Σₖ x[k]·y[k] over <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Dot(double* x, double* y, int length)
    {
        int k = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> acc = Vector512<double>.Zero;
            for (; k <= length - 8; k += 8) acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + k), Vector512.Load(y + k), acc);
            if (k < length)
                acc = Vector512.ConditionalSelect(FirstLanes(length - k), Vector512.FusedMultiplyAdd(Vector512.Load(x + k), Vector512.Load(y + k), acc), acc);
            return Vector512.Sum(acc);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> acc = Vector256<double>.Zero;
            for (; k <= length - 4; k += 4) acc = Vector256.FusedMultiplyAdd(Vector256.Load(x + k), Vector256.Load(y + k), acc);
            sum = Vector256.Sum(acc);
        }
        for (; k < length; k++) sum = Math.FusedMultiplyAdd(x[k], y[k], sum);
        return sum;
    }

    /// <summary>x ← x − α·y over <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubtractScaled(double* x, double alpha, double* y, int length)
    {
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> va = Vector512.Create(-alpha);
            for (; k <= length - 8; k += 8) Vector512.FusedMultiplyAdd(va, Vector512.Load(y + k), Vector512.Load(x + k)).Store(x + k);
            if (k < length)
            {
                Vector512<double> old = Vector512.Load(x + k);
                Vector512.ConditionalSelect(FirstLanes(length - k), Vector512.FusedMultiplyAdd(va, Vector512.Load(y + k), old), old).Store(x + k);
            }
            return;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> va = Vector256.Create(-alpha);
            for (; k <= length - 4; k += 4) Vector256.FusedMultiplyAdd(va, Vector256.Load(y + k), Vector256.Load(x + k)).Store(x + k);
        }
        for (; k < length; k++) x[k] = Math.FusedMultiplyAdd(-alpha, y[k], x[k]);
    }

    /// <summary>x ← x − α·y − β·z over <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubtractTwo(double* x, double alpha, double* y, double beta, double* z, int length)
    {
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> va = Vector512.Create(-alpha), vb = Vector512.Create(-beta);
            for (; k <= length - 8; k += 8)
                Vector512.FusedMultiplyAdd(vb, Vector512.Load(z + k), Vector512.FusedMultiplyAdd(va, Vector512.Load(y + k), Vector512.Load(x + k))).Store(x + k);
            if (k < length)
            {
                Vector512<double> old = Vector512.Load(x + k);
                Vector512<double> updated = Vector512.FusedMultiplyAdd(vb, Vector512.Load(z + k), Vector512.FusedMultiplyAdd(va, Vector512.Load(y + k), old));
                Vector512.ConditionalSelect(FirstLanes(length - k), updated, old).Store(x + k);
            }
            return;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> va = Vector256.Create(-alpha), vb = Vector256.Create(-beta);
            for (; k <= length - 4; k += 4)
                Vector256.FusedMultiplyAdd(vb, Vector256.Load(z + k), Vector256.FusedMultiplyAdd(va, Vector256.Load(y + k), Vector256.Load(x + k))).Store(x + k);
        }
        for (; k < length; k++) x[k] = Math.FusedMultiplyAdd(-beta, z[k], Math.FusedMultiplyAdd(-alpha, y[k], x[k]));
    }

    /// <summary>A mask of all bits set in lanes 0 … count−1 (1 ≤ count ≤ 8) and clear in the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> FirstLanes(int count) =>
        Vector512.LessThan(Vector512.Create(0d, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((double)count));
}
