namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A tensor in tensor-train (TT, MPS) format: cores G_k of shape r_{k-1} × n_k × r_k with r_0 = r_N = 1 and
/// T[i_1, …, i_N] = G_1[:, i_1, :] · G_2[:, i_2, :] ⋯ G_N[:, i_N, :]. Operations never modify the cores: arithmetic, rounding and
/// conversion return new trains. Cores keep their dtype (float32 or float64).
/// </summary>
/// <example><code>
/// var tt = TensorTrain.Random(new Generator(0), [5, 6, 7], [1, 3, 3, 1]);
/// Tensor dense = tt.ToDense();                          // shape [5, 6, 7]
/// TensorTrain sum = tt + tt;                            // ranks [1, 6, 6, 1]
/// TensorTrain back = TtRounding.Round(sum, 1e-12);      // ranks [1, 3, 3, 1]
/// </code></example>
public sealed partial class TensorTrain
{
    private readonly Tensor[] _cores;

    /// <summary>Creates a train from its cores G_k (r_{k-1} × n_k × r_k), which are used as given (not copied).</summary>
    /// <exception cref="ArgumentException">When there are no cores, a core is not 3-D, the dtypes differ, an extent
    /// is below 1, core k's right rank differs from core k+1's left rank, or r_0 ≠ 1 or r_N ≠ 1; the message
    /// names the core, both ranks and every core's shape.</exception>
    /// <example><code>
    /// var tt = new TensorTrain([TN.Ones(DType.Float64, 1, 2, 2), TN.Ones(DType.Float64, 2, 3, 1)]);
    /// </code></example>
    public TensorTrain(IReadOnlyList<Tensor> cores)
    {
        _cores = TensorTrainChecks.Chain("TensorTrain", cores, 3, ring: false);
    }

    /// <summary>
    /// A train with independent normal entries times <paramref name="scale"/> in every core, of the given mode
    /// sizes n_1..n_N and ranks r_0..r_N (length N+1, r_0 = r_N = 1).
    /// </summary>
    /// <exception cref="ArgumentException">When a mode size is below 1, the rank list has the wrong length or its boundary ranks are not 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1.</exception>
    /// <example><code>var tt = TensorTrain.Random(new Generator(1), [5, 6, 7, 6], [1, 3, 4, 3, 1]);</code></example>
    public static TensorTrain Random(Generator generator, IReadOnlyList<int> shape, IReadOnlyList<int> ranks, DType dtype = DType.Float64, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(generator);
        int[] modes = TensorTrainChecks.Modes("TensorTrain.Random", nameof(shape), shape);
        int[] r = TensorTrainChecks.Ranks("TensorTrain.Random", ranks, modes.Length, ring: false);
        return new TensorTrain([.. modes.Select((n, k) => TN.Randn(generator, dtype, r[k], n, r[k + 1]) * scale)]);
    }

    /// <summary>
    /// Reads a train from a network in <see cref="NetworkBuilder.TensorTrain(Generator, int[], int[], DType, double)"/>'s
    /// conventions: cores A0..A{N-1} with legs (b{k-1}-{k}, p{k}, b{k}-{k+1}), the end cores without the missing
    /// bond. Axes are matched by leg name, so their order within a core does not matter.
    /// </summary>
    /// <exception cref="ArgumentException">When a core is missing or its legs differ from the convention.</exception>
    /// <example><code>
    /// var tt = TensorTrain.FromNetwork(NetworkBuilder.TensorTrain(new Generator(0), [2, 3, 4], bondDim: 2));
    /// </code></example>
    public static TensorTrain FromNetwork(TensorNetwork network) =>
        new(TensorTrainNetworks.Read("TensorTrain.FromNetwork", network, ring: false, k => [$"p{k}"]));

    /// <summary>The cores G_1..G_N, each r_{k-1} × n_k × r_k.</summary>
    public IReadOnlyList<Tensor> Cores => _cores;

    /// <summary>The number of modes N.</summary>
    public int Order => _cores.Length;

    /// <summary>The cores' dtype.</summary>
    public DType DType => _cores[0].DType;

    /// <summary>The mode sizes n_1..n_N of the represented tensor.</summary>
    public Shape Shape => new([.. _cores.Select(c => c.Size(1))]);

    /// <summary>The ranks r_0..r_N (length N+1, r_0 = r_N = 1).</summary>
    public int[] Ranks => [1, .. _cores.Select(c => c.Size(2))];

    /// <summary>Stored numbers: Σ_k r_{k-1}·n_k·r_k.</summary>
    public long ParameterCount => _cores.Sum(c => (long)c.ElementCount);

    /// <summary>Dense size over stored size, Π_k n_k / Σ_k r_{k-1}·n_k·r_k (above 1 when the train is smaller).</summary>
    public double CompressionRatio => _cores.Aggregate(1.0, (p, c) => p * c.Size(1)) / ParameterCount;

    /// <summary>
    /// The full tensor, of shape n_1 × ⋯ × n_N, built by left-to-right matrix products
    /// (Π_{j≤k} n_j × r_k)·(r_k × n_{k+1} r_{k+1}). Differentiable in the cores.
    /// </summary>
    /// <example><code>Tensor t = tt.ToDense();</code></example>
    public Tensor ToDense()
    {
        Tensor m = _cores[0].Reshape(_cores[0].Size(1), _cores[0].Size(2));
        for (int k = 1; k < _cores.Length; k++)
        {
            Tensor g = _cores[k];
            m = m.MatMul(g.Reshape(g.Size(0), g.Size(1) * g.Size(2))).Reshape(m.Size(0) * g.Size(1), g.Size(2));
        }
        return m.Reshape(Shape.ToArray());
    }

    /// <summary>One entry T[i_1, …, i_N] = G_1[:, i_1, :] ⋯ G_N[:, i_N, :], without forming the tensor.</summary>
    /// <exception cref="ArgumentException">When the index has the wrong length or an entry is out of range.</exception>
    /// <example><code>double v = tt[0, 2, 1];</code></example>
    public double this[params int[] index]
    {
        get
        {
            TensorTrainChecks.Index("TensorTrain indexer", index, Shape.ToArray());
            using var _ = TN.NoGrad();
            Tensor v = _cores[0].Select(1, index[0]);
            for (int k = 1; k < _cores.Length; k++) v = v.MatMul(_cores[k].Select(1, index[k]));
            return v.Item();
        }
    }

    /// <summary>The Frobenius norm ‖T‖ = sqrt(⟨T, T⟩), computed from the cores (see <see cref="TtArithmetic.Norm"/>).</summary>
    /// <example><code>double n = tt.Norm();</code></example>
    public double Norm() => TtArithmetic.Norm(this);

    /// <summary>The inner product ⟨T, U⟩ = Σ T[i]·U[i], computed from the cores (see <see cref="TtArithmetic.Dot"/>).</summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>double d = a.Inner(b);</code></example>
    public double Inner(TensorTrain other) => TtArithmetic.Dot(this, other);

    /// <summary>
    /// The inner product ⟨T, X⟩ = Σ T[i]·X[i] with a dense tensor X of the same shape and dtype, without forming
    /// T: X is absorbed core by core, W_k = G_kᵀ·W_{k−1} over (r_{k−1}·n_k) rows, O(r Π n) work.
    /// </summary>
    /// <exception cref="ArgumentException">When X's shape or dtype differs (the message shows both).</exception>
    /// <example><code>double ip = tt.Inner(images); // ‖X − T‖² = ‖X‖² − 2⟨T, X⟩ + ‖T‖²</code></example>
    public double Inner(Tensor dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        if (!dense.Shape.Equals(Shape) || dense.DType != DType)
            throw new ArgumentException($"TensorTrain.Inner: the dense tensor is {dense.DType} {dense.Shape} but the train is {DType} {Shape}.", nameof(dense));
        using var _ = TN.NoGrad();
        Tensor w = dense.Reshape(1, dense.ElementCount);
        foreach (Tensor core in _cores)
        {
            int rows = core.Size(0) * core.Size(1);
            w = TN.MatMul(core.Reshape(rows, core.Size(2)).Transpose(0, 1), w.Reshape(rows, w.ElementCount / rows));
        }
        return w.Item();
    }

    /// <summary>
    /// The equivalent network in <see cref="NetworkBuilder"/>'s conventions: cores A{k} with legs
    /// (b{k-1}-{k}, p{k}, b{k}-{k+1}); the boundary bonds (extent 1) are dropped, so <c>ToNetwork().Contract()</c>
    /// equals <see cref="ToDense"/>. The network shares the cores' data.
    /// </summary>
    /// <example><code>Tensor dense = tt.ToNetwork().Contract(); // legs p0, p1, ...</code></example>
    public TensorNetwork ToNetwork() => TensorTrainNetworks.Build(_cores, ring: false, k => [$"p{k}"]);

    /// <inheritdoc cref="TtArithmetic.Add"/>
    public static TensorTrain operator +(TensorTrain a, TensorTrain b) => TtArithmetic.Add(a, b);

    /// <summary>The difference a − b = a + (−1)·b as a train of ranks r_k(a) + r_k(b); see <see cref="TtArithmetic.Add"/>.</summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>TensorTrain d = TtRounding.Round(a - b, 1e-10); // ε is relative to ‖a − b‖, so a − a (zero up to roundoff) keeps its ranks</code></example>
    public static TensorTrain operator -(TensorTrain a, TensorTrain b) => TtArithmetic.Add(a, TtArithmetic.Scale(b, -1));

    /// <summary>The negation −a (the first core scaled by −1).</summary>
    /// <example><code>TensorTrain m = -tt;</code></example>
    public static TensorTrain operator -(TensorTrain a) => TtArithmetic.Scale(a, -1);

    /// <inheritdoc cref="TtArithmetic.Scale"/>
    public static TensorTrain operator *(TensorTrain a, double alpha) => TtArithmetic.Scale(a, alpha);

    /// <inheritdoc cref="TtArithmetic.Scale"/>
    public static TensorTrain operator *(double alpha, TensorTrain a) => TtArithmetic.Scale(a, alpha);

    /// <summary>Formats as <c>TensorTrain(shape [5, 6], ranks [1, 3, 1], Float64)</c>.</summary>
    public override string ToString() => $"TensorTrain(shape {Shape}, ranks [{string.Join(", ", Ranks)}], {DType})";
}
