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
        if (DType == DType.Float32) Span<float>().CopyTo(result.Span<float>());
        else Span<double>().CopyTo(result.Span<double>());
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, static g => g, savesValues: false);
        return result;
    }
}
