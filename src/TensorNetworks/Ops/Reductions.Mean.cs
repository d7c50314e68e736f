using System.Numerics.Tensors;

namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>The mean of all elements, as a zero-axis tensor (NaN for an empty tensor). d/dx_i = 1/n.</summary>
    /// <example><code>double m = TN.Arange(4).Mean().Item(); // 1.5</code></example>
    public Tensor Mean() => Mean(AllAxes(), keepDim: false);

    /// <summary>
    /// The mean over the given axes (negative axes count from the end): Σ x / m, where m is the number
    /// of elements reduced into each output; with <paramref name="keepDim"/> the reduced axes stay as
    /// extent 1. d/dx_i = 1/m. An empty list reduces nothing (NumPy's <c>axis=()</c>; PyTorch 1.13's
    /// <c>mean(dim=[])</c> averages everything: use <see cref="Mean()"/> for that). A 0-d tensor takes axis 0 or −1, as
    /// in PyTorch: its mean along it is its value, a 0-d tensor with or without keepDim.
    /// </summary>
    /// <exception cref="ArgumentException">When an axis is out of range (on a 0-d tensor: other than 0 or −1) or repeated.</exception>
    /// <example><code>Tensor colMeans = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2).Mean([0]); // [2, 3]</code></example>
    public Tensor Mean(int[] axes, bool keepDim = false)
    {
        int[] normalized = NormalizeAxes(axes, "Mean");
        int count = 1;
        foreach (int a in normalized) count *= Dims[a];
        Tensor kept = AxisReduction.SumKeepDims(this, normalized);
        if (count != 1)
        {
            if (DType == DType.Float32) TensorPrimitives.Divide(kept.Span<float>(), count, kept.Span<float>());
            else TensorPrimitives.Divide(kept.Span<double>(), count, kept.Span<double>());
        }
        Tensor result = keepDim ? kept : kept.ViewAs(DropAxes(Dims, normalized));
        if (Autograd.ShouldRecord(this)) RecordMean(result, this, kept.Dims, count);
        return result;
    }

    /// <summary>The mean over one axis; see <see cref="Mean(int[], bool)"/>.</summary>
    /// <example><code>Tensor rowMeans = TN.Ones(2, 3).Mean(1); // [1, 1]</code></example>
    public Tensor Mean(int axis, bool keepDim = false) => Mean([axis], keepDim);

    private static void RecordMean(Tensor result, Tensor input, int[] keptDims, int count)
        => Autograd.Record(result, input, g => (g / count).Reshape(keptDims).BroadcastTo(input.Dims), "Mean", savesValues: false);
}
