using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks;

/// <summary>A function of the lanes of one 512-bit vector, each lane's result depending on that lane alone.</summary>
internal interface ILaneFunction<T> where T : unmanaged
{
    Vector512<T> Of(Vector512<T> x);
}

/// <summary>
/// y = f(x) over spans one 512-bit vector at a time, a short tail padded with zeros to a whole vector, so that every
/// element goes through the same vector code and its value does not depend on its neighbours, its place in memory or
/// the span's length (<see cref="SingleExp"/>, <see cref="DoubleExp"/>).
/// </summary>
/// <example><code>LaneMap.Run(x, y, new ExponentialLanes&lt;Lanes, double&gt;()); // y[i] = exp(x[i]); y may be x</code></example>
internal static class LaneMap
{
    /// <summary>y[i] = f(x[i]) for every i of <paramref name="x"/>; <paramref name="y"/> may be <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="y"/> is shorter than <paramref name="x"/>.</exception>
    internal static void Run<T, TF>(ReadOnlySpan<T> x, Span<T> y, TF f)
        where T : unmanaged
        where TF : struct, ILaneFunction<T>
    {
        if (y.Length < x.Length) throw new ArgumentException($"destination holds {y.Length} elements, the source {x.Length}.", nameof(y));
        int width = Vector512<T>.Count, i = 0;
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        for (; i <= x.Length - width; i += width)
            f.Of(Vector512.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
        if (i == x.Length) return;
        Span<T> tail = stackalloc T[width];
        tail.Clear();
        x[i..].CopyTo(tail);
        f.Of(Vector512.Create<T>(tail)).CopyTo(tail);
        tail[..(x.Length - i)].CopyTo(y[i..]);
    }
}
