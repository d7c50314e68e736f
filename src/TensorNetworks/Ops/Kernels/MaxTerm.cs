using System.Numerics;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// The term exp(x − m) of a line's maximum m is exactly 1, but TensorPrimitives' float32 exp is 1 + 2⁻²³ at 0 (about
/// one ulp high for |x| &lt; 0.1, and up to 1.8 ulp off anywhere; its float64 exp gives 1): a log-sum-exp near 0, one
/// term dominating the others, was one ulp of 1 high, 4e-5 of an lse of 3e-3. These find the maximum's terms so
/// that the softmax kernels can put the 1 back.
/// </summary>
/// <example><code>int top = MaxTerm.IndexOf&lt;float&gt;(x, m); // y[top] = 1 instead of exp(0f)</code></example>
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

    /// <summary>y[i] = 1 where x[i] = m[i] (the rows of a group beside their repeated maxima); other elements stay.</summary>
    internal static void SetOnes<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> m, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref T xs = ref MemoryMarshal.GetReference(x), ms = ref MemoryMarshal.GetReference(m), ys = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> equal = Vector.Equals(Vector.LoadUnsafe(ref xs, (nuint)i), Vector.LoadUnsafe(ref ms, (nuint)i));
                Vector.ConditionalSelect(equal, Vector<T>.One, Vector.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
            if (x[i] == m[i]) y[i] = T.One;
    }
}
