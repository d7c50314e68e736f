using System.Numerics;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>A relation between two elements, written once for scalars and once as a <see cref="Vector{T}"/> mask
/// (all bits set where it holds).</summary>
internal interface IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract bool Holds(T x, T y);

    static abstract Vector<T> Mask(Vector<T> x, Vector<T> y);
}

/// <summary>
/// d = relation(x, y) ? 1 : 0 as an <see cref="IBinaryOp{T}"/>, so that comparisons run through
/// <see cref="BinaryKernel"/> with its broadcasting, SIMD and multi-core paths. A vector mask becomes 0/1 by
/// AND-ing it with the bits of 1.
/// </summary>
internal readonly struct CompareOp<T, TC> : IBinaryOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TC : IComparison<T>
{
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        ref T rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y), rd = ref MemoryMarshal.GetReference(d);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<T>.Count; i <= d.Length - w; i += w)
                (TC.Mask(Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i)) & Vector<T>.One).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < d.Length; i++) d[i] = TC.Holds(x[i], y[i]) ? T.One : T.Zero;
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        ref T rx = ref MemoryMarshal.GetReference(x), rd = ref MemoryMarshal.GetReference(d);
        var vy = new Vector<T>(y);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<T>.Count; i <= d.Length - w; i += w)
                (TC.Mask(Vector.LoadUnsafe(ref rx, (nuint)i), vy) & Vector<T>.One).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < d.Length; i++) d[i] = TC.Holds(x[i], y) ? T.One : T.Zero;
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        ref T ry = ref MemoryMarshal.GetReference(y), rd = ref MemoryMarshal.GetReference(d);
        var vx = new Vector<T>(x);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<T>.Count; i <= d.Length - w; i += w)
                (TC.Mask(vx, Vector.LoadUnsafe(ref ry, (nuint)i)) & Vector<T>.One).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < d.Length; i++) d[i] = TC.Holds(x, y[i]) ? T.One : T.Zero;
    }
}

/// <summary>x = y (false when either is NaN).</summary>
internal readonly struct EqualTo<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x == y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.Equals(x, y);
}

/// <summary>x ≠ y (true when either is NaN).</summary>
internal readonly struct NotEqualTo<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x != y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => ~Vector.Equals(x, y);
}

/// <summary>x &lt; y (false when either is NaN).</summary>
internal readonly struct LessThan<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x < y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.LessThan(x, y);
}

/// <summary>x ≤ y (false when either is NaN).</summary>
internal readonly struct LessThanOrEqualTo<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x <= y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.LessThanOrEqual(x, y);
}

/// <summary>x &gt; y (false when either is NaN).</summary>
internal readonly struct GreaterThan<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x > y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.GreaterThan(x, y);
}

/// <summary>x ≥ y (false when either is NaN).</summary>
internal readonly struct GreaterThanOrEqualTo<T> : IComparison<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Holds(T x, T y) => x >= y;

    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.GreaterThanOrEqual(x, y);
}
