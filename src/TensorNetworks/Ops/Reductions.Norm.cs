using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The Frobenius (Euclidean) norm of all elements, ‖x‖ = √(Σ xᵢ²), as a zero-axis tensor.
    /// d‖x‖/dx = x / ‖x‖, defined as 0 when ‖x‖ = 0.
    /// </summary>
    /// <example><code>double n = TN.Tensor(new[] { 3.0, 4.0 }).Norm().Item(); // 5</code></example>
    public Tensor Norm() => Norm(AllAxes(), p: 2.0, keepDim: false);

    /// <summary>
    /// The p-norm over the given axes, ‖x‖ₚ = (Σ |xᵢ|ᵖ)^(1/p), for p ≥ 1 (p = 2 by default: the Euclidean
    /// norm); with <paramref name="keepDim"/> the reduced axes stay as extent 1.
    /// d‖x‖ₚ/dxᵢ = sign(xᵢ)·|xᵢ|ᵖ⁻¹ / ‖x‖ₚᵖ⁻¹, defined as 0 where ‖x‖ₚ = 0 (and sign(0) = 0). A 0-d tensor takes
    /// axis 0 or −1, as in PyTorch: its norm along it is |x|, a 0-d tensor with or without keepDim.
    /// </summary>
    /// <exception cref="ArgumentException">When an axis is out of range (on a 0-d tensor: other than 0 or −1) or repeated,
    /// or p is not a finite number ≥ 1.</exception>
    /// <example><code>
    /// Tensor m = TN.Tensor(new[] { 3.0, -4.0, 0.0, 1.0 }, 2, 2);
    /// Tensor rowNorms = m.Norm([1]);          // [5, 1]
    /// Tensor l1 = m.Norm([0, 1], p: 1);       // 8
    /// </code></example>
    public Tensor Norm(int[] axes, double p = 2.0, bool keepDim = false)
    {
        int[] normalized = NormalizeAxes(axes, "Norm");
        if (!double.IsFinite(p) || p < 1)
            throw new ArgumentException($"Norm: p must be a finite number >= 1, got {p}. For the largest magnitude use Abs().Max(axis).");
        Tensor kept = DType == DType.Float32 ? NormKeepDims<float>(normalized, (float)p) : NormKeepDims<double>(normalized, p);
        Tensor result = keepDim ? kept : kept.ViewAs(DropAxes(Dims, normalized));
        if (Autograd.ShouldRecord(this)) RecordNorm(result, this, kept, p);
        return result;
    }

    private Tensor NormKeepDims<T>(int[] axes, T p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.CreateTruncating(2);
        if (p == two && axes.Length == Order && ElementCount > 0)
        {
            double norm = FullNorm(Array<T>(), ElementCount);
            GC.KeepAlive(this);
            return Full(DType, [.. Enumerable.Repeat(1, Order)], norm);
        }
        if (p == two && ElementCount > 0 && AreTrailing(axes)) return LineNorms<T>(axes);

        Tensor powered = Uninitialized(DType, Dims);
        Span<T> w = powered.Span<T>();
        if (p == two) TensorPrimitives.Multiply<T>(Span<T>(), Span<T>(), w);
        else
        {
            TensorPrimitives.Abs<T>(Span<T>(), w);
            if (p != T.One) AlignedMath.Pow<T>(w, p, w);
        }
        Tensor kept = AxisReduction.SumKeepDims(powered, axes);
        Span<T> k = kept.Span<T>();
        if (p == two) TensorPrimitives.Sqrt<T>(k, k);
        else if (p != T.One) AlignedMath.Pow<T>(k, T.One / p, k);
        return kept;
    }

    /// <summary>True when <paramref name="axes"/> are the last axes.Length axes, in any order.</summary>
    private bool AreTrailing(int[] axes) => axes.All(a => a >= Order - axes.Length);

    /// <summary>
    /// ‖x‖₂ over the trailing <paramref name="axes"/>: each line's squares added in double chunk by chunk
    /// (<see cref="ChunkedSum"/>), lines split across the cores, without the squared copy of x the general path makes
    /// (2048 lines of 512 float32: ~230 µs that way).
    /// </summary>
    private Tensor LineNorms<T>(int[] axes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] keptDims = (int[])Dims.Clone();
        foreach (int a in axes) keptDims[a] = 1;
        int extent = Shape.ElementCountOf(Dims.AsSpan(Order - axes.Length)), lines = ElementCount / extent;
        Tensor kept = Uninitialized(DType, keptDims);
        Parallelism.For(lines, Math.Max(1, Parallelism.ElementwiseGrain / extent), new NormsOfLines<T>(Array<T>(), extent, kept.Array<T>()));
        GC.KeepAlive(this);
        return kept;
    }

    /// <summary>dst[o] = ‖line o‖₂ for the lines of a range.</summary>
    private readonly struct NormsOfLines<T>(T[] x, int extent, T[] dst) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            for (int o = start; o < start + length; o++)
                dst[o] = T.CreateTruncating(Math.Sqrt(ChunkedSum.Squares<T>(x.AsSpan(o * extent, extent))));
        }
    }

    /// <summary>‖x‖₂ of the first <paramref name="n"/> elements of <paramref name="x"/>: squares added in double chunk by
    /// chunk (<see cref="ChunkedSum"/>), so that a float32 norm over millions of elements keeps float32's precision, and
    /// in blocks across the cores from <see cref="ChunkedSum.ParallelBlock"/> elements (a 4M-element float64 norm took
    /// ~920 µs on one core).</summary>
    private static double FullNorm<T>(T[] x, int n) where T : unmanaged, IFloatingPointIeee754<T>
        => n <= AxisReduction.SumChunk
            ? double.CreateTruncating(TensorPrimitives.Norm(x.AsSpan(0, n)))
            : Math.Sqrt(n < 2 * ChunkedSum.ParallelBlock ? ChunkedSum.Squares<T>(x.AsSpan(0, n)) : ChunkedSum.SquaresInParallel(x, n));

    private static void RecordNorm(Tensor result, Tensor x, Tensor kept, double p)
        => Autograd.Record(result, x, g => x.DType == DType.Float32
            ? NormBackward<float>(x, kept, g, (float)p)
            : NormBackward<double>(x, kept, g, p), "Norm");

    /// <summary>dx = w(x) ⊙ s, with w = sign(x)·|x|ᵖ⁻¹ and s = g / ‖x‖ᵖ⁻¹ (0 where the norm is 0) broadcast over the reduced axes.</summary>
    private static Tensor NormBackward<T>(Tensor x, Tensor kept, Tensor g, T p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor scale = Uninitialized(x.DType, kept.Dims);
        ReadOnlySpan<T> norm = kept.Span<T>(), upstream = g.Span<T>();
        Span<T> s = scale.Span<T>();
        for (int i = 0; i < s.Length; i++)
            s[i] = norm[i] == T.Zero ? T.Zero : upstream[i] / T.Pow(norm[i], p - T.One);
        GC.KeepAlive(g);

        if (p == T.CreateTruncating(2)) return x * scale;
        Tensor weight = Uninitialized(x.DType, x.Dims);
        Span<T> w = weight.Span<T>();
        TensorPrimitives.Abs<T>(x.Span<T>(), w);
        AlignedMath.Pow<T>(w, p - T.One, w);
        VectorMap.Run<T, TimesSign<T>>(x.Span<T>(), w, w, default);
        return weight * scale;
    }
}
