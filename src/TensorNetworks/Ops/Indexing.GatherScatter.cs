namespace TensorNetworks;

/// <summary>PyTorch's gather and scatter_add: indexing along one axis by a tensor of indices.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Picks entries along <paramref name="axis"/> by an index tensor, PyTorch's <c>gather(dim, index)</c>: for every
    /// position p of <paramref name="index"/>, r[p] = x[p with its <paramref name="axis"/> coordinate replaced by
    /// index[p]]. The result has the index's shape and this tensor's dtype. The index holds whole numbers in
    /// 0..extent − 1 (no negative indices, as in PyTorch), stored in either dtype like the labels of
    /// <see cref="TN.CrossEntropy(Tensor, Tensor)"/>; it has as many axes as this tensor and no larger an extent on any
    /// other axis. The gradient adds the incoming gradient back at the picked entries (repeated picks add up) and is
    /// zero elsewhere; the index gets none.
    /// </summary>
    /// <exception cref="ArgumentException">When the axis is out of range, the index has another number of axes or a
    /// larger extent off the axis, or an index is not a whole number in range (the message names its position).</exception>
    /// <example><code>
    /// Tensor x = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2);
    /// Tensor r = x.Gather(1, TN.Tensor(new[] { 1.0, 0.0 }, 2, 1)); // [[2], [3]]
    /// </code></example>
    public Tensor Gather(int axis, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (Order == 0)
        {
            RequireIndexShape(index, 0, this, "Gather", "this tensor");
            return OnAxisOfA0dTensor(axis, "Gather", t => t.Gather(0, index.Reshape(1))).Reshape();
        }
        int a = AxisOf(axis, "Gather");
        RequireIndexShape(index, a, this, "Gather", "this tensor");
        int[] indices = WholeIndices(index, a, "Gather");
        Tensor result = AxisIndexKernel.Gather(this, a, indices, index.Dims);
        if (Autograd.ShouldRecord(this)) RecordGather(result, this, a, indices, index.Dims);
        return result;
    }

    private static void RecordGather(Tensor result, Tensor input, int axis, int[] indices, int[] indexDims)
    {
        int[] inputDims = input.Dims;
        Autograd.Record(result, input, g =>
        {
            Tensor dx = ZerosOf(g.DType, inputDims);
            AxisIndexKernel.ScatterAdd(dx, axis, indices, indexDims, g);
            return dx;
        }, "Gather", savesValues: false);
    }

    /// <summary>
    /// Adds <paramref name="source"/> into a copy of this tensor at positions given along <paramref name="axis"/> by an
    /// index tensor, PyTorch's out-of-place <c>scatter_add(dim, index, src)</c>: for every position p of
    /// <paramref name="index"/>, r[p with its axis coordinate replaced by index[p]] += source[p]; repeated targets add
    /// up. The index follows <see cref="Gather(int, Tensor)"/>'s rules, and no extent of it may exceed the source's; only
    /// the source's entries at the index's positions are used. d/dthis = the incoming gradient; d/dsource = the
    /// incoming gradient gathered at the index (0 at unused source entries).
    /// </summary>
    /// <exception cref="ArgumentException">When the dtypes differ, the axis is out of range, the three tensors do not have
    /// the same number of axes, the index is larger than the source on an axis or than this tensor off the axis, or an
    /// index is not a whole number in range.</exception>
    /// <example><code>
    /// Tensor counts = TN.Zeros(DType.Float64, 3).ScatterAdd(0, TN.Tensor(new[] { 0.0, 2.0, 0.0 }), TN.Ones(DType.Float64, 3)); // [2, 0, 1]
    /// </code></example>
    public Tensor ScatterAdd(int axis, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        BroadcastShapes.RequireSameDType(this, source, "ScatterAdd");
        if (source.Order != Order)
            throw new ArgumentException($"ScatterAdd: the source has shape {source.Shape} ({source.Order} axes) but this tensor has shape {Shape} ({Order} axes); they need the same number of axes.", nameof(source));
        if (Order == 0)
        {
            RequireIndexShape(index, 0, this, "ScatterAdd", "this tensor");
            return OnAxisOfA0dTensor(axis, "ScatterAdd", t => t.ScatterAdd(0, index.Reshape(1), source.Reshape(1))).Reshape();
        }
        int a = AxisOf(axis, "ScatterAdd");
        RequireIndexShape(index, a, this, "ScatterAdd", "this tensor");
        for (int d = 0; d < Order; d++)
        {
            if (index.Dims[d] > source.Dims[d])
                throw new ArgumentException($"ScatterAdd: the index has extent {index.Dims[d]} on axis {d} but the source has {source.Dims[d]} (shapes {index.Shape} and {source.Shape}); the index may not be larger than the source on any axis.", nameof(index));
        }
        int[] indices = WholeIndices(index, a, "ScatterAdd");
        Tensor result = Detach().Clone();
        AxisIndexKernel.ScatterAdd(result, a, indices, index.Dims, source);
        if (Autograd.ShouldRecord(this, source)) RecordScatterAdd(result, this, source, a, indices, index.Dims);
        return result;
    }

    private static void RecordScatterAdd(Tensor result, Tensor input, Tensor source, int axis, int[] indices, int[] indexDims)
    {
        int[] sourceDims = source.Dims;
        Autograd.Record(result, input, static g => g, source, g =>
        {
            Tensor picked = AxisIndexKernel.Gather(g, axis, indices, indexDims);
            return picked.Dims.AsSpan().SequenceEqual(sourceDims) ? picked : StridedCopy.ScatterIntoZeros(picked, sourceDims, 0, StridesOf(sourceDims));
        }, "ScatterAdd", savesValues: false);
    }

    /// <summary>An op along axis 0 or −1 of a 0-d tensor, run on it viewed as one element of shape [1].</summary>
    private Tensor OnAxisOfA0dTensor(int axis, string op, Func<Tensor, Tensor> run)
    {
        if (axis is not (0 or -1)) throw NotAnAxisOfA0dTensor(axis, op);
        return run(Reshape(1));
    }

    private int AxisOf(int axis, string op)
    {
        int a = axis < 0 ? axis + Order : axis;
        if ((uint)a >= (uint)Order)
            throw new ArgumentException($"{op}: axis {axis} is out of range for shape {Shape}; {ValidAxes}.", nameof(axis));
        return a;
    }

    private static void RequireIndexShape(Tensor index, int axis, Tensor indexed, string op, string name)
    {
        if (index.Order != indexed.Order)
            throw new ArgumentException($"{op}: the index has shape {index.Shape} ({index.Order} axes) but {name} has shape {indexed.Shape} ({indexed.Order} axes); they need the same number of axes.", nameof(index));
        for (int d = 0; d < index.Order; d++)
        {
            if (d != axis && index.Dims[d] > indexed.Dims[d])
                throw new ArgumentException($"{op}: the index has extent {index.Dims[d]} on axis {d} but {name} has {indexed.Dims[d]} (shapes {index.Shape} and {indexed.Shape}); off axis {axis} the index may not be larger.", nameof(index));
        }
    }

    /// <summary>The index tensor's values as integers, each checked to be a whole number in 0..extent − 1 of the indexed
    /// axis of <c>this</c>.</summary>
    private int[] WholeIndices(Tensor index, int axis, string op)
    {
        double[] values = index.ToArray<double>();
        int extent = Dims[axis];
        var result = new int[values.Length];
        for (int p = 0; p < values.Length; p++)
        {
            double v = values[p];
            if (!(v >= 0 && v < extent) || v != Math.Floor(v))
            {
                string what = v == Math.Floor(v) ? "is out of range" : "is not a whole number";
                throw new ArgumentException($"{op}: index {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} at position {Shape.Wrap(Unravel(p, index.Dims))} of the index {what} for axis {axis} of extent {extent} (shape {Shape}); indices must be whole numbers in 0..{extent - 1}.", nameof(index));
            }
            result[p] = (int)v;
        }
        return result;
    }

    private static int[] Unravel(int flat, int[] dims)
    {
        var index = new int[dims.Length];
        for (int a = dims.Length - 1; a >= 0; a--)
        {
            index[a] = flat % dims[a];
            flat /= dims[a];
        }
        return index;
    }
}
