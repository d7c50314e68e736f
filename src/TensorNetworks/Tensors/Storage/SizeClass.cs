using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// Rounds pooled array lengths up to one of four sizes per power of two, 2^k·{1, 5/4, 6/4, 7/4}, so
/// that arrays of nearby lengths share a bucket while wasting at most a quarter of a request.
/// Class c holds arrays of length (4 + c mod 4)·2^(c/4 − 2).
/// </summary>
internal static class SizeClass
{
    /// <summary>The class whose length is the smallest one ≥ <paramref name="length"/> (≥ 4).</summary>
    internal static int Of(int length)
    {
        int k = BitOperations.Log2((uint)length);
        long step = 1L << (k - 2);
        long m = (length + step - 1) / step;   // 4..8: 8 rolls over into the next power of two
        return (int)(4 * k + m - 4);
    }

    /// <summary>The array length of class <paramref name="sizeClass"/>.</summary>
    internal static long LengthOf(int sizeClass) => (4L + (sizeClass & 3)) << ((sizeClass >> 2) - 2);
}
