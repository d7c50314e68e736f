using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

public sealed partial class Tensor
{
    internal void SetFlat(int index, double value)
    {
        if (DType == DType.Float32) Array<float>()[index] = (float)value;
        else Array<double>()[index] = value;
    }

    internal double GetFlat(int index) => DType == DType.Float32 ? Array<float>()[index] : Array<double>()[index];

    internal static Tensor Full(DType dtype, int[] dims, double value)
    {
        var t = Uninitialized(dtype, dims);
        if (dtype == DType.Float32) Fill(t.Array<float>(), t.ElementCount, (float)value);
        else Fill(t.Array<double>(), t.ElementCount, value);
        return t;
    }

    /// <summary>data[0..n) = value, over the cores when n is large.</summary>
    private static void Fill<T>(T[] data, int n, T value)
    {
        if (n < Parallelism.ElementwiseGrain) data.AsSpan(0, n).Fill(value);
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new FillRanges<T>(data, value));
    }

    private readonly struct FillRanges<T>(T[] data, T value) : IRangeBody
    {
        public void Run(int start, int length) => data.AsSpan(start, length).Fill(value);
    }

    /// <summary>A copy with its own storage, recorded for autodiff (the gradient passes through unchanged).</summary>
    /// <example><code>Tensor c = t.Clone();</code></example>
    public Tensor Clone()
    {
        var result = Uninitialized(DType, Dims);
        if (DType == DType.Float32) Copy(Array<float>(), result.Array<float>(), ElementCount);
        else Copy(Array<double>(), result.Array<double>(), ElementCount);
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, static g => g, savesValues: false);
        return result;
    }

    /// <summary>destination[0..n) = source[0..n), over the cores when n is large.</summary>
    private static void Copy<T>(T[] source, T[] destination, int n)
    {
        if (n < 2 * Parallelism.ElementwiseGrain) source.AsSpan(0, n).CopyTo(destination);
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new CopyRanges<T>(source, destination));
    }

    private readonly struct CopyRanges<T>(T[] source, T[] destination) : IRangeBody
    {
        public void Run(int start, int length) => source.AsSpan(start, length).CopyTo(destination.AsSpan(start, length));
    }

    /// <summary>destination[0..n) = source[0..n) converted to <typeparamref name="TTo"/>, over the cores when n is large.</summary>
    private static void Convert<TFrom, TTo>(TFrom[] source, TTo[] destination, int n)
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.ConvertChecked<TFrom, TTo>(source.AsSpan(0, n), destination.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new ConvertRanges<TFrom, TTo>(source, destination));
    }

    private readonly struct ConvertRanges<TFrom, TTo>(TFrom[] source, TTo[] destination) : IRangeBody
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        public void Run(int start, int length)
            => TensorPrimitives.ConvertChecked<TFrom, TTo>(source.AsSpan(start, length), destination.AsSpan(start, length));
    }

    /// <summary>y[0..n) ← y + alpha·x (a multiply, then an add), over the cores when n is large.</summary>
    private static void AddScaled<T>(T[] x, T alpha, T[] y, int n) where T : unmanaged, INumberBase<T>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.MultiplyAdd(x.AsSpan(0, n), alpha, y.AsSpan(0, n), y.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new AddScaledRanges<T>(x, alpha, y));
    }

    private readonly struct AddScaledRanges<T>(T[] x, T alpha, T[] y) : IRangeBody where T : unmanaged, INumberBase<T>
    {
        public void Run(int start, int length)
            => TensorPrimitives.MultiplyAdd(x.AsSpan(start, length), alpha, y.AsSpan(start, length), y.AsSpan(start, length));
    }

    /// <summary>y[0..n) ← factor·y, over the cores when n is large.</summary>
    private static void Scale<T>(T[] y, T factor, int n) where T : unmanaged, INumberBase<T>
    {
        if (n < 2 * Parallelism.ElementwiseGrain) TensorPrimitives.Multiply(y.AsSpan(0, n), factor, y.AsSpan(0, n));
        else Parallelism.For(n, Parallelism.ElementwiseGrain, new ScaleRanges<T>(y, factor));
    }

    private readonly struct ScaleRanges<T>(T[] y, T factor) : IRangeBody where T : unmanaged, INumberBase<T>
    {
        public void Run(int start, int length) => TensorPrimitives.Multiply(y.AsSpan(start, length), factor, y.AsSpan(start, length));
    }
}
