namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A tensor in Tucker format: X = G ×₀ U₀ ×₁ U₁ ⋯ ×_{N−1} U_{N−1}, i.e.
/// X[i₀, …, i_{N−1}] = Σ_{r₀…r_{N−1}} G[r₀, …, r_{N−1}] Πₖ Uₖ[iₖ, rₖ], with core G (R₀ × ⋯ × R_{N−1}) and
/// factor matrices Uₖ (Iₖ × Rₖ). Immutable; computations run in the core's dtype. Methods that return a
/// double run without recording for autodiff.
/// </summary>
/// <example><code>
/// TuckerTensor t = Hosvd.Fit(x, [3, 3, 2]);
/// Tensor dense = t.ToDense();
/// double ratio = t.CompressionRatio;
/// </code></example>
public sealed partial class TuckerTensor
{
    private readonly Tensor[] _factors;

    /// <summary>Creates a Tucker tensor from its core and one factor per core axis.</summary>
    /// <exception cref="ArgumentException">When the core is a scalar, the factor count differs from the core's
    /// order, factor k is not Iₖ × Rₖ with Rₖ the core's extent on axis k, or the dtypes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a core extent (a rank) is zero.</exception>
    /// <example><code>var t = new TuckerTensor(core, [u0, u1, u2]);</code></example>
    public TuckerTensor(Tensor core, IReadOnlyList<Tensor> factors)
    {
        TuckerChecks.Format(core, factors);
        Core = core;
        _factors = [.. factors];
        Shape = new Shape([.. _factors.Select(f => f.Size(0))]);
    }

    /// <summary>The core G (R₀ × ⋯ × R_{N−1}).</summary>
    public Tensor Core { get; }

    /// <summary>The factor matrices Uₖ (Iₖ × Rₖ).</summary>
    public IReadOnlyList<Tensor> Factors => _factors;

    /// <summary>The dense shape (I₀, …, I_{N−1}).</summary>
    public Shape Shape { get; }

    /// <summary>The multilinear rank (R₀, …, R_{N−1}): the core's shape.</summary>
    public Shape Ranks => Core.Shape;

    /// <summary>The number of modes N.</summary>
    public int Order => _factors.Length;

    /// <summary>The dtype of the core and factors.</summary>
    public DType DType => Core.DType;

    /// <summary>Stored scalars: Πₖ Rₖ + Σₖ Iₖ Rₖ.</summary>
    public long ParameterCount => Core.ElementCount + _factors.Sum(f => (long)f.ElementCount);

    /// <summary>Dense size over stored size: Πₖ Iₖ / <see cref="ParameterCount"/>.</summary>
    public double CompressionRatio => Shape.Aggregate(1.0, (p, d) => p * d) / ParameterCount;

    /// <summary>The entry X[i₀, …] = G ×₀ U₀[i₀, :] ⋯ ×_{N−1} U_{N−1}[i_{N−1}, :]: the core contracted with one
    /// row of each factor.</summary>
    /// <exception cref="ArgumentException">When the index has the wrong number of entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an entry is out of range.</exception>
    /// <example><code>double x = tucker[1, 0, 3];</code></example>
    public double this[params int[] index]
    {
        get
        {
            CpChecks.Index("TuckerTensor", index, Shape);
            using var _ = TN.NoGrad();
            int n = Order;
            int[][] labels = [[.. Enumerable.Range(0, n)], .. Enumerable.Range(0, n).Select(k => new[] { k })];
            return TN.Einsum(labels, [], [Core, .. _factors.Select((f, k) => f.Select(0, index[k]))]).Item();
        }
    }

    /// <summary>The dense tensor G ×₀ U₀ ⋯ ×_{N−1} U_{N−1} (one planned einsum; differentiable).</summary>
    /// <example><code>Tensor dense = tucker.ToDense();</code></example>
    public Tensor ToDense()
    {
        int n = Order;
        int[][] labels = [[.. Enumerable.Range(n, n)], .. Enumerable.Range(0, n).Select(k => new[] { k, n + k })];
        return TN.Einsum(labels, [.. Enumerable.Range(0, n)], [Core, .. _factors]);
    }

    /// <summary>
    /// The equivalent network, with <see cref="NetworkBuilder.Tucker"/>'s layout: core <c>G</c> with legs
    /// <c>r{k}</c> and factors <c>U{k}</c> with legs (<c>p{k}</c>, <c>r{k}</c>).
    /// <c>ToNetwork().Contract("p0", …, "p{N−1}")</c> equals <see cref="ToDense"/>.
    /// </summary>
    /// <example><code>Tensor dense = tucker.ToNetwork().Contract("p0", "p1", "p2");</code></example>
    public TensorNetwork ToNetwork()
    {
        var net = new TensorNetwork();
        net.Add("G", Core, [.. Enumerable.Range(0, Order).Select(k => $"r{k}")]);
        for (int k = 0; k < Order; k++) net.Add($"U{k}", _factors[k], $"p{k}", $"r{k}");
        return net;
    }

    /// <inheritdoc/>
    public override string ToString() => $"TuckerTensor shape {Shape}, ranks {Ranks}, {DType}";
}
