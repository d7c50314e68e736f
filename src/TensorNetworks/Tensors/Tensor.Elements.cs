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
        if (dtype == DType.Float32) ElementPasses.Fill(t.Array<float>(), t.ElementCount, (float)value);
        else ElementPasses.Fill(t.Array<double>(), t.ElementCount, value);
        return t;
    }

    /// <summary>A copy with its own storage, recorded for autodiff (the gradient passes through unchanged).</summary>
    /// <example><code>Tensor c = t.Clone();</code></example>
    public Tensor Clone()
    {
        var result = Uninitialized(DType, Dims);
        if (DType == DType.Float32) ElementPasses.Copy(Array<float>(), result.Array<float>(), ElementCount);
        else ElementPasses.Copy(Array<double>(), result.Array<double>(), ElementCount);
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, static g => g, savesValues: false);
        return result;
    }
}
