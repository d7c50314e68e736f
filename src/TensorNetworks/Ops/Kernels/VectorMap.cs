using System.Numerics;

namespace TensorNetworks;

/// <summary>
/// A function of two elements written once for scalars and once for <see cref="Vector{T}"/>: for the
/// selections (masks, sign rules) that TensorPrimitives has no kernel for.
/// </summary>
internal interface IVectorFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    T Invoke(T x, T y);

    Vector<T> Invoke(Vector<T> x, Vector<T> y);
}

/// <summary>d[i] = f(x[i], y[i]) in SIMD blocks with a scalar tail; the destination may be y itself.</summary>
internal static class VectorMap
{
    internal static void Run<T, TF>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d, TF f)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TF : struct, IVectorFunction<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<T>.Count; i <= d.Length - w; i += w)
                f.Invoke(new Vector<T>(x.Slice(i, w)), new Vector<T>(y.Slice(i, w))).CopyTo(d.Slice(i, w));
        }
        for (; i < d.Length; i++) d[i] = f.Invoke(x[i], y[i]);
    }
}
