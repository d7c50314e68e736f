using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// TensorPrimitives' approximated functions (log, tanh, pow; exp and sigmoid are <see cref="SingleExp"/>'s and
/// <see cref="DoubleExp"/>'s) with results that do not depend on
/// where the destination lies in memory. TensorPrimitives computes the elements before the destination's first
/// 64-byte boundary by another path than the rest, and the two can differ in the last bit: the same sigmoid of
/// the same 4096 float64 values differed in some element in 150-280 of 300 calls, each output being a fresh
/// array. Here every function writes chunks of <see cref="ChunkLength"/> elements into a 64-byte-aligned stack
/// buffer and copies them out, so an element's value depends only on the input, its place in its chunk and the
/// chunk's length. Exact operations (add, multiply, sqrt, max) need no such care; on one core the copying cost
/// 15-20% of TensorPrimitives' float32 exp.
/// <para>
/// TensorPrimitives' float64 exp (inside its tanh) computes a whole SIMD vector by the scalar exp
/// when any of its lanes is NaN or beyond ±708, and by a polynomial otherwise; the two differ in the last bit, so an
/// element's value depended on its neighbours and on the vector width the running code was compiled for: the runtime's
/// precompiled exp splits a 256-bit vector into two 128-bit halves and its tier-1 code does not, so the same sigmoid
/// gave other bits once the JIT had tiered it up. Here such lanes never reach the vector code: they enter it as 0 and
/// the scalar function gives their values (see <see cref="IBoundedFunction{T}"/>). The check costs a pass over each
/// chunk. TensorPrimitives' float32 exp, inside its tanh, treats
/// such lanes inside the vector code (tested beside NaN and overflowing neighbours), so float32 skips the check.
/// TensorPrimitives' pow computes each element alone and needs no such care.
/// </para>
/// <para>
/// A chunk shorter than 16 bytes (1-3 float32 elements, 1 float64) is computed by .NET's scalar function, not the vector
/// code: its last bit or two may differ from the same value's in a longer span (tested: at most 2 ulp for float64
/// tanh, log1p and softplus, 1 for log). Padding such chunks to a vector made a 1-element TensorPrimitives
/// exp cost 25 ns instead of 10. Exp and sigmoid compute spans of every length by the same vector code.
/// </para>
/// </summary>
/// <example><code>AlignedMath.Exp&lt;double&gt;(x, y); // y[i] = exp(x[i]), the same bits wherever y is; y may be x</code></example>
internal static class AlignedMath
{
    /// <summary>Elements per chunk: 16 KiB of float64, so a chunk stays in L1 between computing and copying it. The
    /// copy costs 15-20% of a float32 exp on one core (1M elements: 465-490 µs against 405 µs straight into the
    /// output); chunks of 1024 to 4096 elements measured the same.</summary>
    internal const int ChunkLength = 2048;

    /// <summary>y = exp(x) by <see cref="SingleExp"/> or <see cref="DoubleExp"/>, which need no chunks.</summary>
    internal static void Exp<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) SingleExp.Exp(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        else DoubleExp.Exp(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
    }

    /// <summary>y = ln(x).</summary>
    internal static void Log<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => Chunked(x, default, y, new Logarithm<T>());

    /// <summary>y = 1 / (1 + exp(−x)) by <see cref="SingleExp"/> or <see cref="DoubleExp"/>.</summary>
    internal static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) SingleExp.Sigmoid(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        else DoubleExp.Sigmoid(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
    }

    /// <summary>y = tanh(x).</summary>
    internal static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => Chunked(x, default, y, new HyperbolicTangent<T>());

    /// <summary>y = x^p for a scalar exponent p.</summary>
    internal static void Pow<T>(ReadOnlySpan<T> x, T p, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => Chunked(x, default, y, new PowerOf<T>(p));

    /// <summary>y = x^p elementwise.</summary>
    internal static void Pow<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> p, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => Chunked(x, p, y, new PowerOf<T>(T.Zero));

    /// <summary>y = b^p for a scalar base b.</summary>
    internal static void Pow<T>(T b, ReadOnlySpan<T> p, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
        => Chunked(p, default, y, new PowerOfBase<T>(b));

    private interface IChunkFunction<T> where T : unmanaged
    {
        /// <summary>Writes f(x, second) into y; <paramref name="second"/> is empty for one-argument functions.</summary>
        void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y);
    }

    [SkipLocalsInit]
    private static unsafe void Chunked<T, TF>(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y, TF f)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TF : struct, IChunkFunction<T>
    {
        byte* raw = stackalloc byte[Math.Min(x.Length, ChunkLength) * sizeof(T) + 64];
        T* aligned = (T*)(((nint)raw + 63) & ~(nint)63);
        for (int start = 0; start < x.Length; start += ChunkLength)
        {
            int count = Math.Min(ChunkLength, x.Length - start);
            var chunk = new Span<T>(aligned, count);
            f.Apply(x.Slice(start, count), second.IsEmpty ? default : second.Slice(start, count), chunk);
            chunk.CopyTo(y.Slice(start, count));
        }
    }

    /// <summary>
    /// A TensorPrimitives function whose vector code gives lane-by-lane results only for |x| ≤ <see cref="Bound"/>, with
    /// the scalar function for the other elements (and NaN).
    /// </summary>
    private interface IBoundedFunction<T> where T : unmanaged
    {
        /// <summary>The largest |x| for which the vector code never falls back to the scalar exp for its whole vector.</summary>
        T Bound { get; }

        /// <summary>Writes f(x) into y with TensorPrimitives.</summary>
        void Vector(ReadOnlySpan<T> x, Span<T> y);

        /// <summary>f(x) for one element.</summary>
        T Scalar(T x);
    }

    /// <summary>
    /// Writes f(x) into <paramref name="y"/>, which must not overlap <paramref name="x"/>: by the vector code alone for
    /// float32 and when every |x| is within the bound; else by the vector code on x with 0 in place of the elements outside the bound,
    /// then the scalar f for those elements.
    /// </summary>
    private static void WithinBound<T, TF>(ReadOnlySpan<T> x, Span<T> y, TF f)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TF : struct, IBoundedFunction<T>
    {
        T bound = f.Bound;
        if (typeof(T) == typeof(float) || T.Abs(TensorPrimitives.MaxMagnitude(x)) <= bound)
        {
            f.Vector(x, y);
            return;
        }
        for (int i = 0; i < x.Length; i++) y[i] = T.Abs(x[i]) <= bound ? x[i] : T.Zero;
        f.Vector(y, y);
        for (int i = 0; i < x.Length; i++)
            if (!(T.Abs(x[i]) <= bound)) y[i] = f.Scalar(x[i]);
    }

    /// <summary>The exp argument beyond which TensorPrimitives' float64 exp takes its scalar path for the whole vector.</summary>
    private const double ExpBound = 708;

    private readonly struct Logarithm<T> : IChunkFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y) => TensorPrimitives.Log(x, y);
    }

    /// <summary>TensorPrimitives' tanh is −z / (z + 2) with z = exp(−2|x|) − 1: the exp argument is −2|x|.</summary>
    private readonly struct HyperbolicTangent<T> : IChunkFunction<T>, IBoundedFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y) => WithinBound(x, y, this);

        public T Bound => T.CreateTruncating(ExpBound / 2);

        public void Vector(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Tanh(x, y);

        public T Scalar(T x) => T.Tanh(x);
    }

    /// <summary>x^p with p the span <c>second</c> when given, else the scalar.</summary>
    private readonly struct PowerOf<T>(T exponent) : IChunkFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y)
        {
            if (second.IsEmpty) TensorPrimitives.Pow(x, exponent, y);
            else TensorPrimitives.Pow(x, second, y);
        }
    }

    /// <summary>b^p for the exponents p passed as <c>x</c>.</summary>
    private readonly struct PowerOfBase<T>(T b) : IChunkFunction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> second, Span<T> y) => TensorPrimitives.Pow(b, x, y);
    }
}
