using System.Numerics;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// A softmax line's shift m (its maximum) and the place of its maximum, whose term exp(x − m) is exactly 1: the
/// softmax kernels add that term apart from the others when a float32 line's sum is small (see
/// <see cref="SoftmaxKernel{T}.SumOfExps"/>), since a float32 sum near 1 rounds every small term to an ulp of 1.
/// </summary>
/// <example><code>float m = MaxTerm.ShiftOf&lt;float&gt;(x); int top = MaxTerm.IndexOf(x, m); // x[top] == m</code></example>
internal static class MaxTerm
{
    /// <summary>
    /// The shift m of a softmax line: its maximum, or 0 when that is ±∞ or NaN (or the line is empty). A NaN anywhere
    /// makes every result of its line NaN, whatever m is, so NaN may be skipped: the vector maximum here takes either
    /// operand where one is NaN (which TensorPrimitives' Max, propagating NaN, checks in every vector; it took 2.5 times
    /// as long), and a zero maximum is +0 whatever its sign.
    /// </summary>
    internal static T ShiftOf<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m = T.NegativeInfinity;
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 4 * Vector<T>.Count)
        {
            ref T start = ref MemoryMarshal.GetReference(x);
            var a = new Vector<T>(m);
            Vector<T> b = a, c = a, d = a;
            for (; i <= x.Length - 4 * Vector<T>.Count; i += 4 * Vector<T>.Count)
            {
                a = Vector.MaxNative(a, Vector.LoadUnsafe(ref start, (nuint)i));
                b = Vector.MaxNative(b, Vector.LoadUnsafe(ref start, (nuint)(i + Vector<T>.Count)));
                c = Vector.MaxNative(c, Vector.LoadUnsafe(ref start, (nuint)(i + 2 * Vector<T>.Count)));
                d = Vector.MaxNative(d, Vector.LoadUnsafe(ref start, (nuint)(i + 3 * Vector<T>.Count)));
            }
            a = Vector.MaxNative(Vector.MaxNative(a, b), Vector.MaxNative(c, d));
            for (int lane = 0; lane < Vector<T>.Count; lane++)
                if (a[lane] > m) m = a[lane];
        }
        for (; i < x.Length; i++)
            if (x[i] > m) m = x[i];
        return T.IsFinite(m) ? m + T.Zero : T.Zero;
    }

    /// <summary>The index of the first element equal to <paramref name="value"/>, or −1.</summary>
    internal static int IndexOf<T>(ReadOnlySpan<T> x, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref T start = ref MemoryMarshal.GetReference(x);
            var target = new Vector<T>(value);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                if (Vector.EqualsAny(Vector.LoadUnsafe(ref start, (nuint)i), target)) break;
        }
        for (; i < x.Length; i++)
            if (x[i] == value) return i;
        return -1;
    }
}
