namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Concatenates tensors along an existing axis: the result's extent on <paramref name="axis"/> is the
    /// sum of the inputs' extents, and every other extent must match. The gradient of input i is the
    /// slice of the incoming gradient that input i filled.
    /// </summary>
    /// <param name="tensors">One or more tensors of one dtype and order.</param>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <exception cref="ArgumentException">When the array is empty, or a tensor differs from tensor 0 in dtype,
    /// order or an extent off <paramref name="axis"/> (the message names the tensor, the axis and both extents).</exception>
    /// <example><code>
    /// Tensor ab = TN.Cat([TN.Zeros(2, 3), TN.Ones(2, 5)], axis: 1); // shape [2, 8]
    /// </code></example>
    public static Tensor Cat(Tensor[] tensors, int axis = 0)
    {
        Tensor first = CheckJoinable(tensors, "Cat");
        int n = first.Order;
        if (n == 0)
            throw new ArgumentException("Cat: zero-axis tensors have no axis to join along; use Stack, or Reshape(1) each tensor first.", nameof(tensors));
        int a = axis < 0 ? axis + n : axis;
        if ((uint)a >= (uint)n)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Cat: axis {axis} is out of range for shape {first.Shape}; valid axes are {-n}..{n - 1}.");

        int total = 0;
        for (int i = 0; i < tensors.Length; i++)
        {
            Tensor t = tensors[i];
            if (t.Order != n)
                throw new ArgumentException($"Cat: tensor {i} has shape {t.Shape} ({t.Order} axes) but tensor 0 has shape {first.Shape} ({n} axes); all tensors need the same number of axes.", nameof(tensors));
            for (int k = 0; k < n; k++)
                if (k != a && t.Dims[k] != first.Dims[k])
                    throw new ArgumentException($"Cat along axis {axis}: tensor {i} has extent {t.Dims[k]} on axis {k} but tensor 0 has extent {first.Dims[k]} (shapes {first.Shape} and {t.Shape}); every axis except {a} must match.", nameof(tensors));
            total = checked(total + t.Dims[a]);
        }

        int[] dims = (int[])first.Dims.Clone();
        dims[a] = total;
        var result = TensorNetworks.Tensor.Uninitialized(first.DType, dims);
        int outer = Shape.ElementCountOf(dims.AsSpan(0, a)), inner = Shape.ElementCountOf(dims.AsSpan(a + 1));
        int offset = 0;
        foreach (Tensor t in tensors)
        {
            int block = t.Dims[a] * inner;
            StridedCopy.Copy(t, 0, [block, 1], result, offset * inner, [total * inner, 1], [outer, block]);
            offset += t.Dims[a];
        }
        if (Autograd.ShouldRecord(tensors)) RecordCat(result, [.. tensors], a);
        return result;
    }

    private static void RecordCat(Tensor result, Tensor[] tensors, int axis)
    {
        var vjps = new Func<Tensor, Tensor>?[tensors.Length];
        int start = 0;
        for (int i = 0; i < tensors.Length; i++)
        {
            int from = start, length = tensors[i].Dims[axis];
            vjps[i] = g => g.Narrow(axis, from, length);
            start += length;
        }
        Autograd.Record(result, tensors, vjps, "Cat", savesValues: false);
    }

    /// <summary>
    /// Stacks tensors of equal shape along a new axis: result[…, i, …] = tensors[i] with the new axis at
    /// position <paramref name="axis"/> (0..Order; negative counts from the end of the result). Equivalent to
    /// concatenating <c>t.Unsqueeze(axis)</c>; the gradient of input i is slice i of the incoming gradient.
    /// </summary>
    /// <exception cref="ArgumentException">When the array is empty, or a tensor's shape or dtype differs from
    /// tensor 0's (the message names the tensor and both shapes).</exception>
    /// <example><code>Tensor batch = TN.Stack([TN.Zeros(3), TN.Ones(3)], axis: 0); // shape [2, 3]</code></example>
    public static Tensor Stack(Tensor[] tensors, int axis = 0)
    {
        Tensor first = CheckJoinable(tensors, "Stack");
        int n = first.Order;
        int a = axis < 0 ? axis + n + 1 : axis;
        if ((uint)a > (uint)n)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Stack: axis {axis} is out of range for tensors of shape {first.Shape}; the new axis may go at {-(n + 1)}..{n}.");
        for (int i = 1; i < tensors.Length; i++)
            if (!tensors[i].Shape.Equals(first.Shape))
                throw new ArgumentException($"Stack: tensor {i} has shape {tensors[i].Shape} but tensor 0 has shape {first.Shape}; stacked tensors must have equal shapes.", nameof(tensors));
        var unsqueezed = new Tensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++) unsqueezed[i] = tensors[i].Unsqueeze(a);
        return Cat(unsqueezed, a);
    }

    /// <summary>Checks the array is non-empty, holds no nulls and has one dtype; returns tensor 0.</summary>
    private static Tensor CheckJoinable(Tensor[] tensors, string op)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
            throw new ArgumentException($"{op}: needs at least one tensor; got an empty array.", nameof(tensors));
        Tensor first = tensors[0] ?? throw new ArgumentNullException(nameof(tensors), $"{op}: tensor 0 is null.");
        for (int i = 1; i < tensors.Length; i++)
        {
            Tensor t = tensors[i] ?? throw new ArgumentNullException(nameof(tensors), $"{op}: tensor {i} is null.");
            if (t.DType != first.DType)
                throw new ArgumentException($"{op}: tensor {i} is {t.DType} but tensor 0 is {first.DType}; convert with To(DType.{first.DType}).", nameof(tensors));
        }
        return first;
    }
}
