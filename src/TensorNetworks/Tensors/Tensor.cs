using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorNetworks;

/// <summary>
/// A dense, contiguous, row-major array of <see cref="DType.Float32"/> or <see cref="DType.Float64"/>
/// elements that records the operations applied to it when it (or an input) requires a gradient.
/// </summary>
/// <remarks>
/// Storage is a managed array owned by the garbage collector: there is nothing to dispose (large
/// storage is recycled once no tensor reaches it, or when the <see cref="TN.Scope"/> that created it
/// ends; see <c>Tensor.Storage.cs</c>). Reshape, Squeeze,
/// Unsqueeze, Flatten, Detach, a Permute that keeps the element order and a Narrow over a whole axis
/// return views that share storage; every other operation returns a new tensor.
/// Create tensors through <see cref="TN"/> (<c>TN.Zeros</c>, <c>TN.Tensor</c>, <c>TN.Randn</c>, ...).
/// </remarks>
/// <example><code>
/// var x = TN.Tensor(new double[] { 1, 2, 3, 4 }, 2, 2).RequiringGrad();
/// var loss = (x * x).Sum();
/// loss.Backward();
/// Console.WriteLine(x.Grad); // [[2, 4], [6, 8]]
/// </code></example>
public sealed partial class Tensor
{
    internal readonly int[] Dims;
    private bool _requiresGrad;

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>The extents of the axes, outermost first.</summary>
    public Shape Shape => Shape.Wrap(Dims);

    /// <summary>Number of axes (0 for a scalar). PyTorch calls this <c>ndim</c>.</summary>
    public int Order => Dims.Length;

    /// <summary>Total number of elements: Π_i Shape[i].</summary>
    public int ElementCount { get; }

    /// <summary>The extent of one axis; negative axes count from the end.</summary>
    /// <example><code>int rows = TN.Zeros(3, 4).Size(0); // 3</code></example>
    public int Size(int axis) => Dims[NormalizeAxis(axis, "Size")];

    /// <summary>
    /// Whether gradients flow to this tensor. Settable only on leaves (tensors that no recorded
    /// operation produced); a computed tensor requires a gradient exactly when one of its inputs does.
    /// </summary>
    /// <exception cref="InvalidOperationException">When set on a computed (non-leaf) tensor.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (GradFn is not null)
                throw new InvalidOperationException("RequiresGrad can only be changed on a leaf tensor; this tensor was computed by a recorded operation. Use Detach() to get a leaf.");
            _requiresGrad = value;
        }
    }

    /// <summary>True when no recorded operation produced this tensor.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>The accumulated gradient dL/dthis after <see cref="Backward"/>; null before. A gradient
    /// assigned here outlives any <see cref="TensorScope"/> it was created in, like the tensor it belongs to.</summary>
    public Tensor? Grad
    {
        get => _grad;
        set
        {
            value?.LeaveScopes();
            _grad = value;
        }
    }

    private Tensor? _grad;

    /// <summary>The recorded operation that produced this tensor, or null for a leaf.</summary>
    internal Node? GradFn { get; private set; }

    internal void SetGradFn(Node node)
    {
        node.ResultVersion = Version;
        GradFn = node;
        _requiresGrad = true;
    }

    internal void ReleaseGradFn() => GradFn = null;

    /// <summary>Marks this leaf as requiring a gradient and returns it, for fluent creation.</summary>
    /// <example><code>var w = TN.Randn(gen, 3, 3).RequiringGrad();</code></example>
    public Tensor RequiringGrad()
    {
        RequiresGrad = true;
        return this;
    }

    /// <summary>A leaf tensor sharing this tensor's storage, cut off from the recorded graph.</summary>
    public Tensor Detach() => ViewAs(Dims);

    /// <summary>The storage as a typed span of exactly <see cref="ElementCount"/> elements. Keep this tensor
    /// reachable while the span is in use (<see cref="GC.KeepAlive(object?)"/>): pooled storage is recycled
    /// once no tensor reaches it, even if a span or array still does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<T> Span<T>() where T : unmanaged => new(Unsafe.As<T[]>(Data), 0, ElementCount);

    /// <summary>The storage as a typed array, which may be longer than <see cref="ElementCount"/> (pooled
    /// storage, views): only the first ElementCount elements belong to this tensor. Keep this tensor reachable
    /// while the array is in use, as for <see cref="Span{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T[] Array<T>() where T : unmanaged => Unsafe.As<T[]>(Data);

    /// <summary>The axis counted from the front (a negative one counts from the end); <paramref name="op"/> names the call in
    /// the message when it is out of range.</summary>
    internal int NormalizeAxis(int axis, string op)
    {
        int n = Dims.Length;
        int a = axis < 0 ? axis + n : axis;
        if ((uint)a >= (uint)n)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"{op}: axis {axis} is out of range for a tensor of shape {Shape}; {ValidAxes}.");
        return a;
    }

    /// <summary>The axes an axis argument may name, for error messages: "valid axes are −n..n−1", or that a 0-d tensor has none.</summary>
    internal string ValidAxes => Dims.Length == 0
        ? "a 0-d tensor has no axes (reduce or use it whole, e.g. Sum() or Item())"
        : $"valid axes are {-Dims.Length}..{Dims.Length - 1}";

    /// <summary>Row-major strides (in elements) of <paramref name="dims"/>.</summary>
    internal static int[] StridesOf(ReadOnlySpan<int> dims)
    {
        var strides = new int[dims.Length];
        int s = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= dims[i];
        }
        return strides;
    }

    /// <summary>Copies the elements, converted to <typeparamref name="T"/>, in row-major order.</summary>
    /// <example><code>double[] v = TN.Arange(4).ToArray&lt;double&gt;(); // [0, 1, 2, 3]</code></example>
    public T[] ToArray<T>() where T : unmanaged, INumberBase<T>
    {
        T[] result = CopyElements<T>();
        GC.KeepAlive(this);
        return result;
    }

    /// <summary>A new array of the elements (over the cores when large, into memory advised to use huge pages;
    /// <see cref="HugePages"/>).</summary>
    private T[] CopyElements<T>() where T : unmanaged, INumberBase<T>
    {
        T[] result = GC.AllocateUninitializedArray<T>(ElementCount);
        HugePages.Advise(result);
        if (result is float[] floats)
        {
            if (DType == DType.Float32) ElementPasses.Copy(Array<float>(), floats, ElementCount);
            else ElementPasses.Convert(Array<double>(), floats, ElementCount);
        }
        else if (result is double[] doubles)
        {
            if (DType == DType.Float64) ElementPasses.Copy(Array<double>(), doubles, ElementCount);
            else ElementPasses.Convert(Array<float>(), doubles, ElementCount);
        }
        else if (DType == DType.Float32)
        {
            var src = Span<float>();
            for (int i = 0; i < result.Length; i++) result[i] = T.CreateChecked(src[i]);
        }
        else
        {
            var src = Span<double>();
            for (int i = 0; i < result.Length; i++) result[i] = T.CreateChecked(src[i]);
        }
        return result;
    }

    /// <summary>The element at a multi-index (negative indices count from the end), as a double. Setting it writes the
    /// element in place (rounded to Float32 for a Float32 tensor) under the rules of the other in-place updates
    /// (<see cref="FillInPlace"/>): not while recording on a tensor that requires a gradient, and views sharing the
    /// storage (Reshape, Squeeze, ...) see the change.</summary>
    /// <exception cref="ArgumentException">When the index has the wrong number of axes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an index is out of range for its axis.</exception>
    /// <exception cref="InvalidOperationException">When setting an element of a tensor that requires a gradient while recording.</exception>
    /// <example><code>
    /// Tensor m = TN.Eye(3);
    /// double v = m[1, 1];  // 1
    /// m[0, 2] = 5;         // m[0, 2] is now 5
    /// </code></example>
    [IndexerName("Element")]
    public double this[params int[] index]
    {
        get
        {
            int flat = FlatIndex(index);
            return DType == DType.Float32 ? Array<float>()[flat] : Array<double>()[flat];
        }
        set
        {
            int flat = FlatIndex(index);
            CheckInPlace(null, "Setting an element");
            MarkModified();
            if (DType == DType.Float32) Array<float>()[flat] = (float)value;
            else Array<double>()[flat] = value;
        }
    }

    internal int FlatIndex(ReadOnlySpan<int> index)
    {
        if (index.Length != Dims.Length)
            throw new ArgumentException($"Index [{string.Join(", ", index.ToArray())}] has {index.Length} axes but the tensor has shape {Shape} ({Dims.Length} axes).");
        int flat = 0;
        for (int i = 0; i < index.Length; i++)
        {
            int k = index[i] < 0 ? index[i] + Dims[i] : index[i];
            if ((uint)k >= (uint)Dims[i])
                throw new ArgumentOutOfRangeException(nameof(index), index[i], $"Index {index[i]} is out of range for axis {i} of extent {Dims[i]} (shape {Shape}); valid: {-Dims[i]} to {Dims[i] - 1}.");
            flat = flat * Dims[i] + k;
        }
        return flat;
    }

    /// <summary>The value of a one-element tensor, as a double.</summary>
    /// <exception cref="InvalidOperationException">When the tensor has more than one element.</exception>
    /// <example><code>double s = TN.Ones(3).Sum().Item(); // 3</code></example>
    public double Item()
    {
        if (ElementCount != 1)
            throw new InvalidOperationException($"Item() needs a one-element tensor, but this one has shape {Shape} ({ElementCount} elements). Reduce it first, e.g. with Sum().");
        return DType == DType.Float32 ? Array<float>()[0] : Array<double>()[0];
    }

    /// <summary>Converts to another dtype (a new leaf-free copy recorded for autodiff); returns this tensor when the dtype already matches.</summary>
    /// <example><code>Tensor d = TN.Ones(2).To(DType.Float64);</code></example>
    public Tensor To(DType dtype)
    {
        if (dtype == DType) return this;
        Tensor result = Uninitialized(dtype, Dims);
        if (DType == DType.Float32) ElementPasses.Convert(Array<float>(), result.Array<double>(), ElementCount);
        else ElementPasses.Convert(Array<double>(), result.Array<float>(), ElementCount);
        if (Autograd.ShouldRecord(this))
        {
            DType source = DType;
            Autograd.Record(result, this, g => g.To(source), savesValues: false);
        }
        return result;
    }
}
