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
