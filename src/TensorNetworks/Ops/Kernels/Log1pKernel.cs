using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// ln(1 + x) accurate to a few ulp for small |x|. TensorPrimitives.LogP1 (like double.LogP1 in .NET 10)
/// evaluates Log(1 + x), which returns 0 for |x| below machine epsilon; this uses Kahan's correction
/// ln(1 + x) = ln(u)·x/(u − 1) with u = 1 + x rounded, and x itself when u = 1.
/// </summary>
internal static class Log1pKernel
{
    private const int Block = 256;

    /// <summary>Writes ln(1 + x) into <paramref name="destination"/>, which may be <paramref name="x"/> itself.</summary>
    internal static void Run<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> logU = stackalloc T[Block];
        for (int start = 0; start < x.Length; start += Block)
        {
            int n = Math.Min(Block, x.Length - start);
            ReadOnlySpan<T> xs = x.Slice(start, n);
            Span<T> l = logU[..n];
            TensorPrimitives.Add(xs, T.One, l);
            AlignedMath.Log(l, l);
            VectorMap.Run(xs, l, destination.Slice(start, n), new KahanCorrection<T>());
        }
    }

    /// <summary>f(x, ln u) = ln(u)·x/(u − 1) with u = 1 + x; x where u = 1; ln u where u = +∞.</summary>
    private readonly struct KahanCorrection<T> : IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public T Invoke(T x, T logU)
        {
            T u = x + T.One, d = u - T.One;
            if (d == T.Zero) return x;
            return T.IsPositiveInfinity(u) ? logU : logU * (x / d);
        }

        public Vector<T> Invoke(Vector<T> x, Vector<T> logU)
        {
            Vector<T> u = x + Vector<T>.One, d = u - Vector<T>.One;
            Vector<T> corrected = logU * (x / d);
            corrected = Vector.ConditionalSelect(Vector.Equals(d, Vector<T>.Zero), x, corrected);
            return Vector.ConditionalSelect(Vector.Equals(u, new Vector<T>(T.PositiveInfinity)), logU, corrected);
        }
    }
}
