namespace TensorNetworks.Models.Completion;

/// <summary>
/// The observed set Ω of a partially known tensor X of shape (I₀, …, I_{N−1}): M distinct multi-indices
/// i = (i₀, …, i_{N−1}) and their values xᵢ. Completion fits a model to these entries only; the other
/// entries of X are never read (they may be NaN). Immutable.
/// </summary>
/// <example><code>
/// // from a dense tensor and a 0/1 mask of the same shape
/// var observed = ObservedEntries.FromMask(x, mask);
/// // or from a list of multi-indices and values
/// var few = new ObservedEntries(new Shape(4, 5, 6), [[0, 1, 2], [3, 4, 5]], TN.Tensor(new[] { 1.5, -0.5 }, 2));
/// </code></example>
public sealed class ObservedEntries
{
    private readonly int[][] _modeIndices;

    /// <summary>
    /// Creates the observed set from M multi-indices (each of length N) and the M observed values, in the
    /// same order. The values' dtype (float32 or float64) is the dtype every completion of this set runs in.
    /// </summary>
    /// <param name="shape">The full tensor's shape (I₀, …, I_{N−1}), at least one mode, every extent ≥ 1.</param>
    /// <param name="indices">The observed multi-indices; no index may repeat.</param>
    /// <param name="values">A vector of M finite values.</param>
    /// <exception cref="ArgumentException">When there is no index (an empty observed set), the shape has no
    /// mode or an extent below 1, an index has the wrong length, is out of range or repeats, the values are
    /// not a vector of M entries, or a value is NaN or infinite (each message shows the offending index or
    /// value).</exception>
    /// <example><code>
    /// var observed = new ObservedEntries(new Shape(3, 3), [[0, 0], [1, 1], [1, 2]], TN.Tensor(new[] { 1.0, 2.0, 3.0 }, 3));
    /// </code></example>
    public ObservedEntries(Shape shape, IReadOnlyList<int[]> indices, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        ObservedChecks.Shape(shape);
        ObservedChecks.Values(values, indices.Count);
        _modeIndices = ObservedChecks.ModeIndices(shape, indices);
        Shape = shape;
        Values = values.Detach();
    }

    private ObservedEntries(Shape shape, int[][] modeIndices, Tensor values)
    {
        Shape = shape;
        _modeIndices = modeIndices;
        Values = values;
    }

    /// <summary>
    /// The entries of <paramref name="tensor"/> where <paramref name="mask"/> is 1, in row-major order:
    /// Ω = { i : mask[i] = 1 }, xᵢ = tensor[i]. Entries where the mask is 0 are not read, so they may be NaN.
    /// </summary>
    /// <param name="tensor">The partially known tensor, float32 or float64, at least one mode.</param>
    /// <param name="mask">A tensor of the same shape whose entries are all 0 or 1 (any dtype).</param>
    /// <exception cref="ArgumentException">When the mask's shape differs from the tensor's (the message names
    /// both), a mask entry is neither 0 nor 1, no entry is observed, the tensor is a scalar, or an observed
    /// entry is NaN or infinite (the message names its position).</exception>
    /// <example><code>
    /// Tensor x = TN.Tensor(new[] { 1.0, double.NaN, 3.0, 4.0 }, 2, 2);
    /// Tensor mask = TN.Tensor(new[] { 1.0, 0.0, 1.0, 1.0 }, 2, 2);
    /// var observed = ObservedEntries.FromMask(x, mask); // 3 entries: (0, 0), (1, 0), (1, 1)
    /// </code></example>
    public static ObservedEntries FromMask(Tensor tensor, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(mask);
        if (tensor.Shape != mask.Shape)
            throw new ArgumentException($"ObservedEntries.FromMask: the mask has shape {mask.Shape} but the tensor has shape {tensor.Shape}; they must be equal.", nameof(mask));
        ObservedChecks.Shape(tensor.Shape);
        double[] m = mask.ToArray<double>();
        double[] x = tensor.ToArray<double>();
        int[] dims = tensor.Shape.ToArray();
        var flat = new List<int>();
        for (int i = 0; i < m.Length; i++)
        {
            if (m[i] == 1) flat.Add(i);
            else if (m[i] != 0)
                throw new ArgumentException($"ObservedEntries.FromMask: mask entries must be 0 or 1, got {m[i]} at {FormatIndex(Unravel(i, dims))}.", nameof(mask));
        }
        if (flat.Count == 0)
            throw new ArgumentException($"ObservedEntries.FromMask: the mask (shape {mask.Shape}) has no entry equal to 1, so nothing is observed; completion needs at least one observed entry.", nameof(mask));
        var modeIndices = new int[dims.Length][];
        for (int k = 0; k < dims.Length; k++) modeIndices[k] = new int[flat.Count];
        var values = new double[flat.Count];
        for (int j = 0; j < flat.Count; j++)
        {
            int[] index = Unravel(flat[j], dims);
            for (int k = 0; k < dims.Length; k++) modeIndices[k][j] = index[k];
            values[j] = x[flat[j]];
            if (!double.IsFinite(values[j]))
                throw new ArgumentException($"ObservedEntries.FromMask: the observed entry at {FormatIndex(index)} is {values[j]}; observed entries must be finite (set the mask to 0 there).", nameof(tensor));
        }
        return new ObservedEntries(tensor.Shape, modeIndices, TN.Tensor(values, values.Length).To(tensor.DType));
    }

    /// <summary>The full tensor's shape (I₀, …, I_{N−1}).</summary>
    public Shape Shape { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => Shape.Count;

    /// <summary>The number M = |Ω| of observed entries.</summary>
    public int Count => Values.Size(0);

    /// <summary>The observed values xᵢ, a vector of M entries, in the order of the indices.</summary>
    public Tensor Values { get; }

    /// <summary>The dtype of the values.</summary>
    public DType DType => Values.DType;

    /// <summary>The fraction of the tensor that is observed: M / Πₖ Iₖ.</summary>
    public double Fraction => Count / Shape.Aggregate(1.0, (p, d) => p * d);

    /// <summary>The mode-<paramref name="mode"/> coordinates of the observed entries: element j is i_mode of
    /// entry j (a copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the mode is not in 0..N−1.</exception>
    /// <example><code>int[] rows = observed.ModeIndices(0);</code></example>
    public int[] ModeIndices(int mode)
    {
        if ((uint)mode >= (uint)Order)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"ObservedEntries.ModeIndices: mode {mode} is out of range for {Order} modes (shape {Shape}).");
        return (int[])_modeIndices[mode].Clone();
    }

    /// <summary>The mode-k coordinates without copying, for the models.</summary>
    internal int[] ModeIndicesView(int mode) => _modeIndices[mode];

    /// <summary>The 0/1 mask of Ω, of the full shape, in the values' dtype: mask[i] = 1 exactly when i ∈ Ω.</summary>
    /// <example><code>Tensor unobserved = 1 - observed.ToMask();</code></example>
    public Tensor ToMask()
    {
        int[] dims = Shape.ToArray();
        var mask = new double[Shape.ElementCount];
        for (int j = 0; j < Count; j++) mask[Ravel(j, dims)] = 1;
        return TN.Tensor(mask, dims).To(DType);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ObservedEntries({Count} of shape {Shape}, {Fraction:P1}, {DType})";

    private int Ravel(int entry, int[] dims)
    {
        int flat = 0;
        for (int k = 0; k < dims.Length; k++) flat = flat * dims[k] + _modeIndices[k][entry];
        return flat;
    }

    private static int[] Unravel(int flat, int[] dims)
    {
        var index = new int[dims.Length];
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            index[k] = flat % dims[k];
            flat /= dims[k];
        }
        return index;
    }

    internal static string FormatIndex(IReadOnlyList<int> index) => "(" + string.Join(", ", index) + ")";
}
