using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// The entry point of tn, in the manner of PyTorch's <c>torch</c> namespace: tensor creation,
/// multi-input operations, einsum, modes and backend facts. Split into partial files by topic.
/// </summary>
/// <example><code>
/// var gen = new Generator(1);
/// var a = TN.Randn(gen, DType.Float64, 3, 4).RequiringGrad();
/// var loss = TN.MatMul(a, a.Transpose(0, 1)).Sum();
/// loss.Backward();
/// </code></example>
public static partial class TN
{
    /// <summary>The dtype used when none is given: <see cref="DType.Float32"/>, as in PyTorch.</summary>
    public const DType DefaultDType = DType.Float32;

    /// <summary>A Float32 tensor of zeros.</summary>
    /// <example><code>Tensor z = TN.Zeros(2, 3);</code></example>
    public static Tensor Zeros(params int[] shape) => Zeros(DefaultDType, shape);

    /// <summary>A tensor of zeros of the given dtype.</summary>
    public static Tensor Zeros(DType dtype, params int[] shape) => TensorNetworks.Tensor.ZerosOf(dtype, new Shape(shape).ToArray());

    /// <summary>A Float32 tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1.0, DefaultDType, shape);

    /// <summary>A tensor of ones of the given dtype.</summary>
    public static Tensor Ones(DType dtype, params int[] shape) => Full(1.0, dtype, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    /// <example><code>Tensor t = TN.Full(0.5, DType.Float64, 2, 2);</code></example>
    public static Tensor Full(double value, DType dtype, params int[] shape) => TensorNetworks.Tensor.Full(dtype, new Shape(shape).ToArray(), value);

    /// <summary>A zero tensor with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => TensorNetworks.Tensor.ZerosOf(like.DType, like.Dims);

    /// <summary>A tensor of ones with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor OnesLike(Tensor like) => TensorNetworks.Tensor.Full(like.DType, like.Dims, 1.0);

    /// <summary>A one-element, zero-axis tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(double value, DType dtype = DefaultDType) => TensorNetworks.Tensor.Full(dtype, [], value);

    /// <summary>The n×m identity-like matrix: ones on the main diagonal (m defaults to n).</summary>
    /// <example><code>Tensor i3 = TN.Eye(3, dtype: DType.Float64);</code></example>
    public static Tensor Eye(int n, int? m = null, DType dtype = DefaultDType)
    {
        int cols = m ?? n;
        var t = Zeros(dtype, n, cols);
        int d = Math.Min(n, cols);
        for (int i = 0; i < d; i++) t.SetFlat(i * cols + i, 1.0);
        return t;
    }

    /// <summary>The values start, start + step, ... below <paramref name="stop"/> (above it for a negative step).</summary>
    /// <exception cref="ArgumentException">When <paramref name="step"/> is zero or not finite.</exception>
    /// <example><code>Tensor t = TN.Arange(0, 1, 0.25); // [0, 0.25, 0.5, 0.75]</code></example>
    public static Tensor Arange(double start, double stop, double step = 1.0, DType dtype = DefaultDType)
    {
        if (step == 0 || !double.IsFinite(step) || !double.IsFinite(start) || !double.IsFinite(stop))
            throw new ArgumentException($"Arange({start}, {stop}, {step}): start and stop must be finite and step finite and non-zero.");
        int n = Math.Max(0, (int)Math.Ceiling((stop - start) / step));
        var t = TensorNetworks.Tensor.Uninitialized(dtype, [n]);
        for (int i = 0; i < n; i++) t.SetFlat(i, start + i * step);
        return t;
    }

    /// <summary>The integers 0, 1, ..., n - 1.</summary>
    public static Tensor Arange(int n, DType dtype = DefaultDType) => Arange(0, n, 1, dtype);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive: start + i·(end − start)/(steps − 1),
    /// the last exactly end; one step gives [start], as NumPy and PyTorch do.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="steps"/> is negative.</exception>
    /// <example><code>Tensor t = TN.Linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]</code></example>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DefaultDType)
    {
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "Linspace needs steps >= 0.");
        var t = TensorNetworks.Tensor.Uninitialized(dtype, [steps]);
        double delta = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (int i = 0; i < steps; i++) t.SetFlat(i, i == steps - 1 && steps > 1 ? end : start + i * delta);
        return t;
    }

    /// <summary>A Float32 tensor holding a copy of <paramref name="data"/> laid out row-major in <paramref name="shape"/>
    /// (a 1-D tensor when no shape is given).</summary>
    /// <exception cref="ArgumentException">When the data length differs from the shape's element count.</exception>
    /// <example><code>Tensor m = TN.Tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);</code></example>
    public static Tensor Tensor(float[] data, params int[] shape) => FromData(data, shape);

    /// <summary>A Float64 tensor holding a copy of <paramref name="data"/>; see <see cref="Tensor(float[], int[])"/>.</summary>
    public static Tensor Tensor(double[] data, params int[] shape) => FromData(data, shape);

    /// <summary>A Float32 matrix copied from a rectangular array.</summary>
    public static Tensor Tensor(float[,] data) => FromData(RowMajor(data), [data.GetLength(0), data.GetLength(1)]);

    /// <summary>A Float64 matrix copied from a rectangular array.</summary>
    /// <example><code>Tensor m = TN.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });</code></example>
    public static Tensor Tensor(double[,] data) => FromData(RowMajor(data), [data.GetLength(0), data.GetLength(1)]);

    /// <summary>A tensor copied from a span of float or double values.</summary>
    public static Tensor Tensor<T>(ReadOnlySpan<T> data, params int[] shape) where T : unmanaged
        => FromData(data, shape);

    /// <summary>
    /// A new tensor of <paramref name="shape"/> whose values <paramref name="initialize"/> writes in place, row-major,
    /// with no intermediate array (as <c>string.Create</c> fills a new string): decode a file, convert raw bytes or
    /// compute values straight into the tensor's storage. The span holds exactly the tensor's elements and is valid only
    /// during the call; an element it leaves unwritten holds an unspecified value. The dtype follows
    /// <typeparamref name="T"/>: float gives Float32, double Float64. <paramref name="state"/> (a span is allowed) is
    /// passed through, so the callback can be static and allocate nothing.
    /// </summary>
    /// <exception cref="NotSupportedException">When <typeparamref name="T"/> is neither float nor double.</exception>
    /// <exception cref="ArgumentException">When an extent of <paramref name="shape"/> is negative.</exception>
    /// <example><code>
    /// ReadOnlySpan&lt;byte&gt; pixels = File.ReadAllBytes("images.raw");
    /// Tensor images = TN.Create&lt;float, ReadOnlySpan&lt;byte&gt;&gt;([pixels.Length / 784, 28, 28], pixels,
    ///     static (values, bytes) => { for (int i = 0; i &lt; values.Length; i++) values[i] = bytes[i] / 255f; });
    /// </code></example>
    public static Tensor Create<T, TState>(int[] shape, TState state, System.Buffers.SpanAction<T, TState> initialize)
        where T : unmanaged
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(initialize);
        var t = TensorNetworks.Tensor.Uninitialized(DTypeExtensions.Of<T>(), new Shape(shape).ToArray());
        initialize(t.Span<T>(), state);
        return t;
    }

    /// <summary>The elements of a rectangular array in memory order, which is row-major.</summary>
    private static ReadOnlySpan<T> RowMajor<T>(T[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
    }

    private static Tensor FromData<T>(T[] data, int[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        Tensor t = UninitializedFor<T>(data.Length, shape, nameof(data));
        ElementPasses.Copy(data, t.Array<T>(), data.Length);
        return t;
    }

    private static Tensor FromData<T>(ReadOnlySpan<T> data, int[] shape) where T : unmanaged
    {
        Tensor t = UninitializedFor<T>(data.Length, shape, nameof(data));
        data.CopyTo(t.Span<T>());
        return t;
    }

    /// <summary>A new tensor of <paramref name="shape"/> (1-D of <paramref name="length"/> when empty) for that many values
    /// of <typeparamref name="T"/>; throws when the counts differ.</summary>
    private static Tensor UninitializedFor<T>(int length, int[] shape, string parameter) where T : unmanaged
    {
        DType dtype = DTypeExtensions.Of<T>();
        int[] dims = shape.Length == 0 ? [length] : new Shape(shape).ToArray();
        int n = TensorNetworks.Shape.ElementCountOf(dims);
        if (n != length)
            throw new ArgumentException($"{length} values do not fill shape {TensorNetworks.Shape.Wrap(dims)}, which holds {n}.", parameter);
        return TensorNetworks.Tensor.Uninitialized(dtype, dims);
    }
}
