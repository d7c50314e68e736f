namespace TensorNetworks;

/// <summary>In-place updates, for optimizers and update schemes. They record nothing for autodiff.</summary>
/// <remarks>
/// A tensor that requires a gradient may be updated in place only while recording is off
/// (<see cref="TN.NoGrad"/>), as PyTorch requires for <c>p.add_()</c> on a leaf. Each update is counted on
/// the storage (shared with views), and a backward pass over a graph in which an op's input or result was
/// updated after the op recorded it throws before writing any gradient, instead of computing one from changed
/// values (ops whose products read no values, such as sums and reshapes, are not checked): update parameters
/// after <see cref="Backward"/>, not between the forward and backward passes.
/// </remarks>
public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="source"/>'s values into this tensor: this ← source.</summary>
    /// <exception cref="ArgumentException">When the shapes or dtypes differ.</exception>
    /// <exception cref="InvalidOperationException">When this tensor requires a gradient and recording is on.</exception>
    /// <example><code>using (TN.NoGrad()) weight.CopyFrom(bestWeight);</code></example>
    public void CopyFrom(Tensor source)
    {
        CheckInPlace(source, nameof(CopyFrom));
        MarkModified();
        if (DType == DType.Float32) ElementPasses.Copy(source.Array<float>(), Array<float>(), ElementCount);
        else ElementPasses.Copy(source.Array<double>(), Array<double>(), ElementCount);
        GC.KeepAlive(source);
        GC.KeepAlive(this);
    }

    /// <summary>Adds a multiple of <paramref name="other"/>: this ← this + alpha · other.</summary>
    /// <exception cref="ArgumentException">When the shapes or dtypes differ.</exception>
    /// <exception cref="InvalidOperationException">When this tensor requires a gradient and recording is on.</exception>
    /// <example><code>using (TN.NoGrad()) w.AddInPlace(w.Grad!, -0.1); // one SGD step</code></example>
    public void AddInPlace(Tensor other, double alpha = 1.0)
    {
        CheckInPlace(other, nameof(AddInPlace));
        MarkModified();
        if (DType == DType.Float32) ElementPasses.AddScaled(other.Array<float>(), (float)alpha, Array<float>(), ElementCount);
        else ElementPasses.AddScaled(other.Array<double>(), alpha, Array<double>(), ElementCount);
        GC.KeepAlive(other);
        GC.KeepAlive(this);
    }

    /// <summary>Multiplies every element by a scalar: this ← factor · this.</summary>
    /// <exception cref="InvalidOperationException">When this tensor requires a gradient and recording is on.</exception>
    public void ScaleInPlace(double factor)
    {
        CheckInPlace(null, nameof(ScaleInPlace));
        MarkModified();
        if (DType == DType.Float32) ElementPasses.Scale(Array<float>(), (float)factor, ElementCount);
        else ElementPasses.Scale(Array<double>(), factor, ElementCount);
        GC.KeepAlive(this);
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">When this tensor requires a gradient and recording is on.</exception>
    public void FillInPlace(double value)
    {
        CheckInPlace(null, nameof(FillInPlace));
        MarkModified();
        if (DType == DType.Float32) ElementPasses.Fill(Array<float>(), ElementCount, (float)value);
        else ElementPasses.Fill(Array<double>(), ElementCount, value);
        GC.KeepAlive(this);
    }

    /// <summary>
    /// Writes <paramref name="values"/> into a range along <paramref name="axis"/>: this[…, start + i, …] ← values[…, i, …]
    /// for i &lt; values.Size(axis), every other extent equal to this tensor's. It is how to update part of a tensor in
    /// place: <see cref="Narrow"/>, <see cref="Slice"/>, <see cref="Select"/> and <see cref="Transpose"/> return copies
    /// (PyTorch returns views), so an in-place update of their result leaves this tensor unchanged.
    /// </summary>
    /// <param name="axis">The axis; negative counts from the end.</param>
    /// <param name="start">The first index written along the axis; negative counts from the end.</param>
    /// <param name="values">The values, of this tensor's dtype and shape except along <paramref name="axis"/>.</param>
    /// <exception cref="ArgumentException">When the dtypes differ, the orders differ, or another extent differs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range or the range does not fit inside it.</exception>
    /// <exception cref="InvalidOperationException">When this tensor requires a gradient and recording is on.</exception>
    /// <example><code>
    /// Tensor w = TN.Zeros(DType.Float64, 4, 3);
    /// using (TN.NoGrad()) w.SetNarrow(0, 1, TN.Ones(DType.Float64, 2, 3)); // rows 1 and 2 are now ones
    /// </code></example>
    public void SetNarrow(int axis, int start, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int a = NormalizeAxis(axis, nameof(SetNarrow));
        int extent = Dims[a];
        int s = start < 0 ? start + extent : start;
        if (values.DType != DType)
            throw new ArgumentException($"SetNarrow: dtype {values.DType} does not match this tensor's {DType}.");
        bool fits = values.Order == Order;
        for (int i = 0; fits && i < Order; i++) fits = i == a || values.Dims[i] == Dims[i];
        if (!fits)
            throw new ArgumentException($"SetNarrow: values of shape {values.Shape} do not fit shape {Shape} along axis {axis}: every extent but axis {a}'s must match.");
        int length = values.Dims[a];
        if (s < 0 || s > extent || length > extent - s)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"SetNarrow: {length} values from start {start} do not fit in axis {axis} of extent {extent} (shape {Shape}); valid starts are {-extent}..{extent - length}.");
        CheckInPlace(null, nameof(SetNarrow));
        MarkModified();
        int[] strides = StridesOf(Dims);
        StridedCopy.Copy(values, 0, StridesOf(values.Dims), this, s * strides[a], strides, values.Dims);
    }

    /// <summary>True when no element is NaN or ±∞.</summary>
    /// <example><code>bool ok = loss.AllFinite();</code></example>
    public bool AllFinite()
    {
        bool finite = DType == DType.Float32 ? AllFinite(Span<float>()) : AllFinite(Span<double>());
        GC.KeepAlive(this);
        return finite;
    }

    private static bool AllFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // x - x is 0 for finite x and NaN for NaN and ±∞, so one sum tells.
        T sum = T.Zero;
        foreach (T v in values) sum += v - v;
        return sum == T.Zero;
    }

    private void CheckInPlace(Tensor? other, string operation)
    {
        if (RequiresGrad && Autograd.IsEnabled)
            throw new InvalidOperationException($"{operation}: this tensor requires a gradient, and updating it in place while recording would corrupt the graph. Wrap the update in 'using (TN.NoGrad())'.");
        if (other is null) return;
        if (other.DType != DType)
            throw new ArgumentException($"{operation}: dtype {other.DType} does not match this tensor's {DType}.");
        if (!Dims.AsSpan().SequenceEqual(other.Dims))
            throw new ArgumentException($"{operation}: shape {other.Shape} does not match this tensor's shape {Shape}.");
    }
}
