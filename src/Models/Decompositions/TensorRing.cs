namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A tensor in tensor-ring format: cores G_k of shape r_{k-1} × n_k × r_k with r_N = r_0 ≥ 1 and trace closure,
/// T[i_1, …, i_N] = Tr(G_1[:, i_1, :] · G_2[:, i_2, :] ⋯ G_N[:, i_N, :]). A tensor train is the ring with r_0 = 1.
/// Operations never modify the cores; they keep their dtype.
/// </summary>
/// <example><code>
/// var ring = TensorRing.Random(new Generator(0), [4, 5, 6], [2, 2, 2, 2]);
/// Tensor dense = ring.ToDense();  // shape [4, 5, 6]
/// double v = ring[1, 2, 3];       // the trace of three 2×2 slices
/// </code></example>
public sealed class TensorRing
{
    private readonly Tensor[] _cores;

    /// <summary>Creates a ring from at least two cores G_k (r_{k-1} × n_k × r_k), used as given (not copied).</summary>
    /// <exception cref="ArgumentException">When there are fewer than two cores, a core is not 3-D, the dtypes differ, an
    /// extent is below 1, core k's right rank differs from core k+1's left rank, or the last core's right rank differs
    /// from core 0's left rank; the message names the cores, the ranks and every shape.</exception>
    /// <example><code>var ring = new TensorRing([TN.Ones(DType.Float64, 2, 3, 2), TN.Ones(DType.Float64, 2, 4, 2)]);</code></example>
    public TensorRing(IReadOnlyList<Tensor> cores)
    {
        _cores = TensorTrainChecks.Chain("TensorRing", cores, 3, ring: true);
    }

    /// <summary>A ring with independent normal entries times <paramref name="scale"/>; ranks r_0..r_N (length N+1, r_N = r_0).</summary>
    /// <exception cref="ArgumentException">When there are fewer than two modes, a mode size is below 1, or the rank list has the wrong length or r_N ≠ r_0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1.</exception>
    /// <example><code>var ring = TensorRing.Random(new Generator(2), [4, 5, 6], [2, 3, 2, 2]);</code></example>
    public static TensorRing Random(Generator generator, IReadOnlyList<int> shape, IReadOnlyList<int> ranks, DType dtype = DType.Float64, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(generator);
        int[] modes = TensorTrainChecks.Modes("TensorRing.Random", nameof(shape), shape);
        int[] r = TensorTrainChecks.Ranks("TensorRing.Random", ranks, modes.Length, ring: true);
        return new TensorRing([.. modes.Select((n, k) => TN.Randn(generator, dtype, r[k], n, r[k + 1]) * scale)]);
    }

    /// <summary>
    /// Reads a ring from a network in <see cref="NetworkBuilder.TensorRing"/>'s conventions: cores A0..A{N-1} with legs
    /// (b{k-1}-{k}, p{k}, b{k}-{k+1}), indices modulo N. Axes are matched by leg name.
    /// </summary>
    /// <exception cref="ArgumentException">When a core is missing or its legs differ from the convention.</exception>
    /// <example><code>var ring = TensorRing.FromNetwork(NetworkBuilder.TensorRing(new Generator(0), [3, 4, 5], bondDim: 2));</code></example>
    public static TensorRing FromNetwork(TensorNetwork network) =>
        new(TensorTrainNetworks.Read("TensorRing.FromNetwork", network, ring: true, k => [$"p{k}"]));

    /// <summary>The cores G_1..G_N, each r_{k-1} × n_k × r_k.</summary>
    public IReadOnlyList<Tensor> Cores => _cores;

    /// <summary>The number of modes N (at least 2).</summary>
    public int Order => _cores.Length;

    /// <summary>The cores' dtype.</summary>
    public DType DType => _cores[0].DType;

    /// <summary>The mode sizes n_1..n_N.</summary>
    public Shape Shape => new([.. _cores.Select(c => c.Size(1))]);

    /// <summary>The ranks r_0..r_N (length N+1, r_N = r_0).</summary>
    public int[] Ranks => [_cores[0].Size(0), .. _cores.Select(c => c.Size(2))];

    /// <summary>Stored numbers: Σ_k r_{k-1}·n_k·r_k.</summary>
    public long ParameterCount => _cores.Sum(c => (long)c.ElementCount);

    /// <summary>Dense size over stored size, Π_k n_k / Σ_k r_{k-1}·n_k·r_k.</summary>
    public double CompressionRatio => _cores.Aggregate(1.0, (p, c) => p * c.Size(1)) / ParameterCount;

    /// <summary>
    /// The full tensor: the open chain M[(i_1…i_N)] = G_1[:, i_1, :] ⋯ G_N[:, i_N, :] (r_0 × n_1⋯n_N × r_N) by
    /// left-to-right matrix products, then its trace over r_0 = r_N. Differentiable in the cores.
    /// </summary>
    /// <example><code>Tensor t = ring.ToDense();</code></example>
    public Tensor ToDense()
    {
        Tensor m = _cores[0].Reshape(_cores[0].Size(0) * _cores[0].Size(1), _cores[0].Size(2));
        for (int k = 1; k < _cores.Length; k++)
        {
            Tensor g = _cores[k];
            m = m.MatMul(g.Reshape(g.Size(0), g.Size(1) * g.Size(2))).Reshape(m.Size(0) * g.Size(1), g.Size(2));
        }
        int r = _cores[0].Size(0);
        return TN.Einsum("aia->i", m.Reshape(r, m.Size(0) / r, r)).Reshape(Shape.ToArray());
    }

    /// <summary>One entry Tr(G_1[:, i_1, :] ⋯ G_N[:, i_N, :]), without forming the tensor.</summary>
    /// <exception cref="ArgumentException">When the index has the wrong length or an entry is out of range.</exception>
    /// <example><code>double v = ring[0, 1, 2];</code></example>
    public double this[params int[] index]
    {
        get
        {
            TensorTrainChecks.Index("TensorRing indexer", index, Shape.ToArray());
            using var _ = TN.NoGrad();
            Tensor v = _cores[0].Select(1, index[0]);
            for (int k = 1; k < _cores.Length; k++) v = v.MatMul(_cores[k].Select(1, index[k]));
            return v.Trace().Item();
        }
    }

    /// <summary>
    /// The inner product ⟨T, U⟩ = Tr(Π_k E_k) with transfer matrices E_k = Σ_i G_k[i] ⊗ H_k[i] of size
    /// (r_{k-1}·s_{k-1}) × (r_k·s_k); cost O(N n r⁶) for equal ranks, without forming either tensor.
    /// </summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>double d = ring.Inner(other);</code></example>
    public double Inner(TensorRing other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TensorTrainChecks.SameModes("TensorRing.Inner", DType, Shape.ToArray(), other.DType, other.Shape.ToArray());
        using var _ = TN.NoGrad();
        Tensor e = Transfer(_cores[0], other._cores[0]);
        for (int k = 1; k < _cores.Length; k++) e = e.MatMul(Transfer(_cores[k], other._cores[k]));
        return e.Trace().Item();
    }

    /// <summary>The Frobenius norm sqrt(⟨T, T⟩) through <see cref="Inner"/> (a negative rounding residue counts as 0).</summary>
    /// <example><code>double n = ring.Norm();</code></example>
    public double Norm() => Math.Sqrt(Math.Max(0, Inner(this)));

    /// <summary>
    /// The equivalent network in <see cref="NetworkBuilder.TensorRing"/>'s conventions: cores A{k} with legs
    /// (b{k-1}-{k}, p{k}, b{k}-{k+1}), indices modulo N, so <c>ToNetwork().Contract()</c> equals <see cref="ToDense"/>.
    /// </summary>
    /// <example><code>Tensor dense = ring.ToNetwork().Contract();</code></example>
    public TensorNetwork ToNetwork() => TensorTrainNetworks.Build(_cores, ring: true, k => [$"p{k}"]);

    /// <summary>Formats as <c>TensorRing(shape [4, 5, 6], ranks [2, 2, 2, 2], Float64)</c>.</summary>
    public override string ToString() => $"TensorRing(shape {Shape}, ranks [{string.Join(", ", Ranks)}], {DType})";

    private static Tensor Transfer(Tensor g, Tensor h) =>
        TN.Einsum("aib,cid->acbd", g, h).Reshape(g.Size(0) * h.Size(0), g.Size(2) * h.Size(2));
}
