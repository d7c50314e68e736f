using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// One pass over the first n elements of whole arrays (a tensor's storage): fill, copy, convert, y ← y + α·x and
/// y ← α·y. From two pieces of <see cref="Parallelism.ElementwiseGrain"/> elements on they run across the cores; each
/// element's arithmetic is the same whatever the split.
/// </summary>
/// <example><code>ElementPasses.AddScaled(grad, -0.1f, weights, n); // weights[i] += -0.1·grad[i], i &lt; n</code></example>
internal static class ElementPasses
{
    /// <summary>data[0..n) = value.</summary>
    internal static void Fill<T>(T[] data, int n, T value)
    {
        if (n < 2 * Parallelism.ElementwiseGrain) data.AsSpan(0, n).Fill(value);
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new FillRanges<T>(data, value));
    }

    /// <summary>destination[0..n) = source[0..n).</summary>
    internal static void Copy<T>(T[] source, T[] destination, int n)
    {
        if (n < 2 * Parallelism.ElementwiseGrain) source.AsSpan(0, n).CopyTo(destination);
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new CopyRanges<T>(source, destination));
    }

    /// <summary>destination[0..n) = source[0..n) converted to <typeparamref name="TTo"/> (float64 to float32 rounds to nearest).</summary>
    internal static void Convert<TFrom, TTo>(TFrom[] source, TTo[] destination, int n)
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.ConvertChecked<TFrom, TTo>(source.AsSpan(0, n), destination.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new ConvertRanges<TFrom, TTo>(source, destination));
    }

    /// <summary>y[0..n) ← y + alpha·x (a multiply, then an add).</summary>
    internal static void AddScaled<T>(T[] x, T alpha, T[] y, int n) where T : unmanaged, INumberBase<T>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.MultiplyAdd(x.AsSpan(0, n), alpha, y.AsSpan(0, n), y.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new AddScaledRanges<T>(x, alpha, y));
    }

    /// <summary>y[0..n) ← factor·y.</summary>
    internal static void Scale<T>(T[] y, T factor, int n) where T : unmanaged, INumberBase<T>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.Multiply(y.AsSpan(0, n), factor, y.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new ScaleRanges<T>(y, factor));
    }

    private readonly struct FillRanges<T>(T[] data, T value) : IRangeBody
    {
        public void Run(int start, int length) => data.AsSpan(start, length).Fill(value);
    }

    private readonly struct CopyRanges<T>(T[] source, T[] destination) : IRangeBody
    {
        public void Run(int start, int length) => source.AsSpan(start, length).CopyTo(destination.AsSpan(start, length));
    }

    private readonly struct ConvertRanges<TFrom, TTo>(TFrom[] source, TTo[] destination) : IRangeBody
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        public void Run(int start, int length)
            => TensorPrimitives.ConvertChecked<TFrom, TTo>(source.AsSpan(start, length), destination.AsSpan(start, length));
    }

    private readonly struct AddScaledRanges<T>(T[] x, T alpha, T[] y) : IRangeBody where T : unmanaged, INumberBase<T>
    {
        public void Run(int start, int length)
            => TensorPrimitives.MultiplyAdd(x.AsSpan(start, length), alpha, y.AsSpan(start, length), y.AsSpan(start, length));
    }

    private readonly struct ScaleRanges<T>(T[] y, T factor) : IRangeBody where T : unmanaged, INumberBase<T>
    {
        public void Run(int start, int length) => TensorPrimitives.Multiply(y.AsSpan(start, length), factor, y.AsSpan(start, length));
    }
}
