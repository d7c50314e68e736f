using TensorNetworks.Backends;
using TensorNetworks.Tests.Linalg;

namespace TensorNetworks.Tests.Backends;

/// <summary>Rotations of adjacent rows against the formula applied one element at a time, at every row length up to
/// two and a half 512-bit blocks.</summary>
public sealed unsafe class PlaneRotationsTests
{
    private static (double C, double S) Angle(double radians) => (Math.Cos(radians), Math.Sin(radians));

    /// <summary>Rotation (c, s) of rows <paramref name="i"/> and i+1: row i+1 ← s·row i + c·row i+1, row i ← c·row i − s·row i+1.</summary>
    private static void RotateReference(double[] rows, int n, int i, double c, double s)
    {
        for (int k = 0; k < n; k++)
        {
            double x = rows[i * n + k], y = rows[(i + 1) * n + k];
            rows[(i + 1) * n + k] = s * x + c * y;
            rows[i * n + k] = c * x - s * y;
        }
    }

    [Fact]
    public void Rotate_MatchesTheFormula()
    {
        var g = new Generator(311);
        var (c, s) = Angle(0.7);
        for (int n = 1; n <= 20; n++)
        {
            double[] rows = GemmReference.Random(g, 2 * n), expected = (double[])rows.Clone();
            RotateReference(expected, n, 0, c, s);
            fixed (double* p = rows) PlaneRotations.Rotate(n, p, c, s);
            MatrixAssert.Close(expected, rows, 1e-15, $"rotation of two rows of {n}");
        }
    }

    [Fact]
    public void RotatePair_AppliesTheUpperRotationFirst()
    {
        var g = new Generator(312);
        var (cu, su) = Angle(-1.1);
        var (c, s) = Angle(0.4);
        for (int n = 1; n <= 20; n++)
        {
            double[] rows = GemmReference.Random(g, 3 * n), expected = (double[])rows.Clone();
            RotateReference(expected, n, 1, cu, su);
            RotateReference(expected, n, 0, c, s);
            fixed (double* p = rows) PlaneRotations.RotatePair(n, p, cu, su, c, s);
            MatrixAssert.Close(expected, rows, 1e-15, $"rotations i+1 then i of three rows of {n}");
        }
    }
}
