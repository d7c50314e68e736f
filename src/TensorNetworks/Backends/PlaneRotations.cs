using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// Plane rotations of adjacent rows of a row-major matrix, as the QL sweeps of <see cref="TridiagonalQl"/> apply
/// them to Zᵀ: rotation (c, s) at row i sets row i+1 ← s·row i + c·row i+1 and row i ← c·row i − s·row i+1.
/// </summary>
/// <example><code>
/// PlaneRotations.RotatePair(n, zt + i·n, cUpper, sUpper, c, s); // rotation i+1, then rotation i
/// </code></example>
internal static unsafe class PlaneRotations
{
    /// <summary>Rotates rows i (at <paramref name="row"/>) and i+1 (the next row, n further on) by (c, s):
    /// row i+1 ← s·row i + c·row i+1, row i ← c·row i − s·row i+1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Rotate(int n, double* row, double c, double s)
    {
        double* next = row + n;
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vc = Vector512.Create(c), vs = Vector512.Create(s), vns = Vector512.Create(-s);
            for (; k <= n - 8; k += 8)
            {
                Vector512<double> x = Vector512.Load(row + k), y = Vector512.Load(next + k);
                Vector512.FusedMultiplyAdd(vs, x, vc * y).Store(next + k);
                Vector512.FusedMultiplyAdd(vns, y, vc * x).Store(row + k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vc = Vector256.Create(c), vs = Vector256.Create(s), vns = Vector256.Create(-s);
            for (; k <= n - 4; k += 4)
            {
                Vector256<double> x = Vector256.Load(row + k), y = Vector256.Load(next + k);
                Vector256.FusedMultiplyAdd(vs, x, vc * y).Store(next + k);
                Vector256.FusedMultiplyAdd(vns, y, vc * x).Store(row + k);
            }
        }
        for (; k < n; k++)
        {
            double x = row[k], y = next[k];
            next[k] = Math.FusedMultiplyAdd(s, x, c * y);
            row[k] = Math.FusedMultiplyAdd(-s, y, c * x);
        }
    }

    /// <summary>Rotation i+1 by (<paramref name="cUpper"/>, <paramref name="sUpper"/>) on rows i+1 and i+2, then
    /// rotation i by (c, s) on rows i (at <paramref name="row"/>) and i+1, reading and writing each of the three rows
    /// once: row i+2 ← sᵤ·row i+1 + cᵤ·row i+2, t = cᵤ·row i+1 − sᵤ·row i+2, row i+1 ← s·row i + c·t,
    /// row i ← c·row i − s·t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void RotatePair(int n, double* row, double cUpper, double sUpper, double c, double s)
    {
        double* middle = row + n, last = middle + n;
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vcu = Vector512.Create(cUpper), vsu = Vector512.Create(sUpper), vnsu = Vector512.Create(-sUpper);
            Vector512<double> vc = Vector512.Create(c), vs = Vector512.Create(s), vns = Vector512.Create(-s);
            for (; k <= n - 8; k += 8)
            {
                Vector512<double> x = Vector512.Load(row + k), y = Vector512.Load(middle + k), w = Vector512.Load(last + k);
                Vector512.FusedMultiplyAdd(vsu, y, vcu * w).Store(last + k);
                Vector512<double> t = Vector512.FusedMultiplyAdd(vnsu, w, vcu * y);
                Vector512.FusedMultiplyAdd(vs, x, vc * t).Store(middle + k);
                Vector512.FusedMultiplyAdd(vns, t, vc * x).Store(row + k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vcu = Vector256.Create(cUpper), vsu = Vector256.Create(sUpper), vnsu = Vector256.Create(-sUpper);
            Vector256<double> vc = Vector256.Create(c), vs = Vector256.Create(s), vns = Vector256.Create(-s);
            for (; k <= n - 4; k += 4)
            {
                Vector256<double> x = Vector256.Load(row + k), y = Vector256.Load(middle + k), w = Vector256.Load(last + k);
                Vector256.FusedMultiplyAdd(vsu, y, vcu * w).Store(last + k);
                Vector256<double> t = Vector256.FusedMultiplyAdd(vnsu, w, vcu * y);
                Vector256.FusedMultiplyAdd(vs, x, vc * t).Store(middle + k);
                Vector256.FusedMultiplyAdd(vns, t, vc * x).Store(row + k);
            }
        }
        for (; k < n; k++)
        {
            double x = row[k], y = middle[k], w = last[k];
            last[k] = Math.FusedMultiplyAdd(sUpper, y, cUpper * w);
            double t = Math.FusedMultiplyAdd(-sUpper, w, cUpper * y);
            middle[k] = Math.FusedMultiplyAdd(s, x, c * t);
            row[k] = Math.FusedMultiplyAdd(-s, t, c * x);
        }
    }
}
