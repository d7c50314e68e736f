using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// Sums of squares as SIMD norms of <see cref="AxisReduction.SumChunk"/>-element chunks whose squares are added in
/// double, as <see cref="Tensor.Sum()"/> adds its chunks: a float32 sum over millions of elements keeps about seven
/// digits instead of losing them to one long float32 running sum (1.2e-5 relative over 10⁷ elements).
/// </summary>
/// <example><code>double squares = ChunkedSquares.Of&lt;float&gt;(x.Span&lt;float&gt;()); // Σ xᵢ²</code></example>
internal static class ChunkedSquares
{
    /// <summary>Σ xᵢ².</summary>
    internal static double Of<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        for (int start = 0; start < x.Length; start += AxisReduction.SumChunk)
        {
            double norm = double.CreateTruncating(TensorPrimitives.Norm(x.Slice(start, Math.Min(AxisReduction.SumChunk, x.Length - start))));
            total += norm * norm;
        }
        return total;
    }

    /// <summary>Σ (xᵢ − yᵢ)² over equally long spans.</summary>
    internal static double OfDifference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        for (int start = 0; start < x.Length; start += AxisReduction.SumChunk)
        {
            int length = Math.Min(AxisReduction.SumChunk, x.Length - start);
            double distance = double.CreateTruncating(TensorPrimitives.Distance(x.Slice(start, length), y.Slice(start, length)));
            total += distance * distance;
        }
        return total;
    }
}
