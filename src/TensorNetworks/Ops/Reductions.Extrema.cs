using System.Buffers;
using System.Numerics;

namespace TensorNetworks;

/// <summary>Max and Min: values of the extreme element, with the gradient routed to it.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// The largest element, as a zero-axis tensor (NaN if any element is NaN). The gradient flows to
    /// that one element (the first one on ties); every other element gets 0.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor is empty.</exception>
    /// <example><code>double m = TN.Tensor(new[] { 3.0, 7.0, 5.0 }).Max().Item(); // 7</code></example>
    public Tensor Max() => Extremum<Largest<float>, Largest<double>>(null, keepDim: false, "Max");

    /// <summary>
    /// The largest element along <paramref name="axis"/>: r[..., j, ...] = maxₖ x[..., k, j, ...]; with
    /// <paramref name="keepDim"/> the axis stays as extent 1. The gradient of each output flows to its
    /// selected element (the first one on ties). <see cref="ArgMax(int, bool)"/> gives the positions. A 0-d tensor takes
    /// axis 0 or −1, as in PyTorch: its maximum along it is its value, a 0-d tensor with or without keepDim.
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1) or has extent 0.</exception>
    /// <example><code>Tensor rowMax = TN.Tensor(new[] { 1.0, 5.0, 4.0, 2.0 }, 2, 2).Max(1); // [5, 4]</code></example>
    public Tensor Max(int axis, bool keepDim = false) => Extremum<Largest<float>, Largest<double>>(axis, keepDim, "Max");

    /// <summary>The smallest element, as a zero-axis tensor; see <see cref="Max()"/> for NaN, ties and the gradient.</summary>
    /// <exception cref="ArgumentException">When the tensor is empty.</exception>
    /// <example><code>double m = TN.Tensor(new[] { 3.0, 7.0, 5.0 }).Min().Item(); // 3</code></example>
    public Tensor Min() => Extremum<Smallest<float>, Smallest<double>>(null, keepDim: false, "Min");

    /// <summary>The smallest element along <paramref name="axis"/>; see <see cref="Max(int, bool)"/>, also for a 0-d tensor.</summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1) or has extent 0.</exception>
    /// <example><code>Tensor colMin = TN.Tensor(new[] { 1.0, 5.0, 4.0, 2.0 }, 2, 2).Min(0); // [1, 2]</code></example>
    public Tensor Min(int axis, bool keepDim = false) => Extremum<Smallest<float>, Smallest<double>>(axis, keepDim, "Min");

    private Tensor Extremum<TF, TD>(int? axis, bool keepDim, string op)
        where TF : IExtremum<float>
        where TD : IExtremum<double>
    {
        var (outer, extent, inner, outDims) = LineView(axis, keepDim, op);
        Tensor values = Uninitialized(DType, outDims);
        int[]? indices = Autograd.ShouldRecord(this) ? new int[outer * inner] : null;
        if (DType == DType.Float32) ExtremumKernel.Run<float, TF>(Array<float>(), outer, extent, inner, values.Array<float>(), indices);
        else ExtremumKernel.Run<double, TD>(Array<double>(), outer, extent, inner, values.Array<double>(), indices);
        GC.KeepAlive(this);
        if (indices is not null) RecordExtremum(values, this, indices, outer, extent, inner, op);
        return values;
    }

    private static void RecordExtremum(Tensor values, Tensor input, int[] indices, int outer, int extent, int inner, string op)
        => Autograd.Record(values, input, g =>
        {
            Tensor dx = Uninitialized(input.DType, input.Dims);
            if (g.DType == DType.Float32) ExtremumKernel.Scatter<float>(g.Span<float>(), indices, outer, extent, inner, dx.Span<float>());
            else ExtremumKernel.Scatter<double>(g.Span<double>(), indices, outer, extent, inner, dx.Span<double>());
            GC.KeepAlive(g);
            return dx;
        }, op, savesValues: false);

    /// <summary>
    /// The (outer, extent, inner) view of a reduction along <paramref name="axis"/>, or over all elements
    /// when it is null (then the result is a zero-axis tensor), and the result's shape.
    /// </summary>
    private (int Outer, int Extent, int Inner, int[] OutDims) LineView(int? axis, bool keepDim, string op)
    {
        if (axis is null)
        {
            if (ElementCount == 0)
                throw new ArgumentException($"{op}: the tensor of shape {Shape} is empty, so {op} is undefined; check the input.");
            return (1, ElementCount, 1, []);
        }
        var lines = AxisLines(axis.Value, keepDim, op);
        if (lines.Extent == 0)
            throw new ArgumentException($"{op}: axis {axis} of shape {Shape} has extent 0, so {op} over it is undefined; reduce over a non-empty axis.");
        return lines;
    }

    /// <summary>
    /// The position of the largest element of the flattened tensor (row-major), as a zero-axis tensor of
    /// this tensor's dtype holding a whole number. The first position wins ties; a NaN wins over numbers.
    /// Not differentiable: the result never requires a gradient.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor is empty.</exception>
    /// <example><code>int i = (int)TN.Tensor(new[] { 3.0, 7.0, 5.0 }).ArgMax().Item(); // 1</code></example>
    public Tensor ArgMax() => ArgExtremum<Largest<float>, Largest<double>>(null, keepDim: false, "ArgMax");

    /// <summary>
    /// The position along <paramref name="axis"/> of the largest element of each line, as a tensor of this
    /// tensor's dtype holding whole numbers (exact up to 2²⁴ in Float32, so indices match the labels
    /// <see cref="TN.CrossEntropy(Tensor, Tensor)"/> accepts). Ties go to the first position. Not differentiable. A 0-d
    /// tensor takes axis 0 or −1, as in PyTorch, and gives position 0 as a 0-d tensor, with or without keepDim.
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1) or has extent 0.</exception>
    /// <example><code>Tensor predicted = logits.ArgMax(1); // [N] class indices of [N, C] logits</code></example>
    public Tensor ArgMax(int axis, bool keepDim = false) => ArgExtremum<Largest<float>, Largest<double>>(axis, keepDim, "ArgMax");

    /// <summary>The flat position of the smallest element; see <see cref="ArgMax()"/>.</summary>
    /// <exception cref="ArgumentException">When the tensor is empty.</exception>
    /// <example><code>int i = (int)TN.Tensor(new[] { 3.0, 7.0, 1.0 }).ArgMin().Item(); // 2</code></example>
    public Tensor ArgMin() => ArgExtremum<Smallest<float>, Smallest<double>>(null, keepDim: false, "ArgMin");

    /// <summary>The position along <paramref name="axis"/> of the smallest element of each line; see <see cref="ArgMax(int, bool)"/>,
    /// also for a 0-d tensor.</summary>
    /// <exception cref="ArgumentException">When the axis is out of range (on a 0-d tensor: other than 0 or −1) or has extent 0.</exception>
    /// <example><code>Tensor i = TN.Tensor(new[] { 1.0, 5.0, 4.0, 2.0 }, 2, 2).ArgMin(1); // [0, 1]</code></example>
    public Tensor ArgMin(int axis, bool keepDim = false) => ArgExtremum<Smallest<float>, Smallest<double>>(axis, keepDim, "ArgMin");

    private Tensor ArgExtremum<TF, TD>(int? axis, bool keepDim, string op)
        where TF : IExtremum<float>
        where TD : IExtremum<double>
        => DType == DType.Float32 ? Positions<float, TF>(axis, keepDim, op) : Positions<double, TD>(axis, keepDim, op);

    private Tensor Positions<T, TE>(int? axis, bool keepDim, string op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TE : IExtremum<T>
    {
        var (outer, extent, inner, outDims) = LineView(axis, keepDim, op);
        Tensor result = Uninitialized(DType, outDims);
        int count = outer * inner;
        int[] indices = ArrayPool<int>.Shared.Rent(count);
        try
        {
            ExtremumKernel.Run<T, TE>(Array<T>(), outer, extent, inner, result.Array<T>(), indices);
            GC.KeepAlive(this);
            Span<T> destination = result.Span<T>();
            for (int i = 0; i < count; i++) destination[i] = T.CreateTruncating(indices[i]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
        return result;
    }
}
