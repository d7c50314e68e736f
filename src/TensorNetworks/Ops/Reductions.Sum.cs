namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a zero-axis tensor. d/dx_i = 1.</summary>
    /// <example><code>double s = TN.Arange(4).Sum().Item(); // 6</code></example>
    public Tensor Sum() => Sum(AllAxes(), keepDim: false);

    /// <summary>Sums over the given axes (negative axes count from the end); with <paramref name="keepDim"/>
    /// the summed axes stay as extent 1. An empty list sums over nothing and returns the values unchanged (NumPy's
    /// <c>axis=()</c>; PyTorch 1.13's <c>sum(dim=[])</c> sums everything instead: use <see cref="Sum()"/> for that).
    /// Float32 sums are kept in double, rounded to float32 once for each run of adjacent axes: along the last axes as
    /// SIMD sums of 1024-element chunks, along other axes row by row into a row of doubles (a float32 running sum along a strided axis of 2M
    /// U[0, 1) values was off by 3.7e-5 relative). <see cref="Mean(int[], bool)"/>, <see cref="Norm(int[], double, bool)"/>
    /// and the gradients of broadcasting ops sum the same way. A 0-d tensor takes axis 0 or −1, as in PyTorch: its sum
    /// along it is its value, a 0-d tensor with or without keepDim.</summary>
    /// <exception cref="ArgumentException">When an axis is out of range (on a 0-d tensor: other than 0 or −1) or repeated.</exception>
    /// <example><code>Tensor rowSums = TN.Ones(2, 3).Sum([1]); // [3, 3]</code></example>
    public Tensor Sum(int[] axes, bool keepDim = false)
    {
        int[] normalized = NormalizeAxes(axes, "Sum");
        Tensor kept = AxisReduction.SumKeepDims(this, normalized);
        Tensor result = keepDim ? kept : kept.ViewAs(DropAxes(Dims, normalized));
        if (Autograd.ShouldRecord(this)) RecordSum(result, this, kept.Dims);
        return result;
    }

    /// <summary>Sums over one axis; see <see cref="Sum(int[], bool)"/>.</summary>
    public Tensor Sum(int axis, bool keepDim = false) => Sum([axis], keepDim);

    private static void RecordSum(Tensor result, Tensor input, int[] keptDims)
        => Autograd.Record(result, input, g => g.Reshape(keptDims).BroadcastTo(input.Dims), "Sum", savesValues: false);

    internal int[] AllAxes()
    {
        var axes = new int[Dims.Length];
        for (int i = 0; i < axes.Length; i++) axes[i] = i;
        return axes;
    }

    /// <summary>The axes counted from the front, checked to be in range and distinct. On a 0-d tensor axis 0 or −1
    /// (once) names the one element, as in PyTorch, and reduces over no axis: the result is the value itself.</summary>
    internal int[] NormalizeAxes(int[] axes, string op)
    {
        ArgumentNullException.ThrowIfNull(axes);
        int order = Math.Max(Dims.Length, 1);
        var result = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            int a = axes[i] < 0 ? axes[i] + order : axes[i];
            if ((uint)a >= (uint)order)
                throw Dims.Length == 0
                    ? NotAnAxisOfA0dTensor(axes[i], op)
                    : new ArgumentException($"{op}: axis {axes[i]} is out of range for shape {Shape}; {ValidAxes}.");
            if (System.Array.IndexOf(result, a, 0, i) >= 0)
                throw new ArgumentException($"{op}: axis {axes[i]} is repeated in [{string.Join(", ", axes)}].");
            result[i] = a;
        }
        return Dims.Length == 0 ? [] : result;
    }

    internal static int[] DropAxes(int[] dims, int[] axes)
    {
        var kept = new List<int>(dims.Length);
        for (int i = 0; i < dims.Length; i++)
            if (System.Array.IndexOf(axes, i) < 0) kept.Add(dims[i]);
        return [.. kept];
    }
}
