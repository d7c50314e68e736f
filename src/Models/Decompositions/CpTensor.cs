namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A tensor in CP (CANDECOMP/PARAFAC) format: X = Σ_{r&lt;R} λᵣ · a₀ᵣ ∘ a₁ᵣ ∘ ⋯ ∘ a_{N−1,r}, i.e.
/// X[i₀, …, i_{N−1}] = Σᵣ λᵣ Πₖ Aₖ[iₖ, r], with weights λ (R values) and factor matrices Aₖ (Iₖ × R).
/// Immutable; every computation runs in the factors' dtype. Methods that return a double run without
/// recording for autodiff.
/// </summary>
/// <example><code>
/// var g = new Generator(0);
/// var cp = new CpTensor([TN.Randn(g, DType.Float64, 12, 3), TN.Randn(g, DType.Float64, 10, 3), TN.Randn(g, DType.Float64, 8, 3)]);
/// Tensor dense = cp.ToDense();         // [12, 10, 8]
/// double norm = cp.Norm();             // equals dense.Norm() without forming it
/// double ratio = cp.CompressionRatio;  // 960 / (3 + 3·30)
/// </code></example>
public sealed partial class CpTensor
{
    private readonly Tensor[] _factors;

    /// <summary>Creates a CP tensor with weights λ and factors Aₖ (Iₖ × R).</summary>
    /// <exception cref="ArgumentException">When there is no factor, a factor is not 2-D or has no rows, the
    /// factors' column counts differ, the weights are not a vector of R values, or the dtypes differ (the
    /// message names the shapes).</exception>
    /// <exception cref="ArgumentOutOfRangeException">When R = 0.</exception>
    /// <example><code>var cp = new CpTensor(TN.Ones(DType.Float64, 2), [a, b, c]); // a, b, c with 2 columns</code></example>
    public CpTensor(Tensor weights, IReadOnlyList<Tensor> factors)
    {
        CpChecks.Format(weights, factors);
        Weights = weights;
        _factors = [.. factors];
        Shape = new Shape([.. _factors.Select(f => f.Size(0))]);
    }

    /// <summary>Creates a CP tensor with unit weights λ = 1.</summary>
    /// <exception cref="ArgumentException">As for <see cref="CpTensor(Tensor, IReadOnlyList{Tensor})"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When R = 0.</exception>
    /// <example><code>var cp = new CpTensor([a, b, c]);</code></example>
    public CpTensor(IReadOnlyList<Tensor> factors)
        : this(UnitWeights(factors), factors)
    {
    }

    /// <summary>The weights λ (R values).</summary>
    public Tensor Weights { get; }

    /// <summary>The factor matrices Aₖ (Iₖ × R), one per mode.</summary>
    public IReadOnlyList<Tensor> Factors => _factors;

    /// <summary>The dense shape (I₀, …, I_{N−1}).</summary>
    public Shape Shape { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => _factors.Length;

    /// <summary>The CP rank R (number of rank-one terms).</summary>
    public int Rank => Weights.Size(0);

    /// <summary>The dtype of the weights and factors.</summary>
    public DType DType => Weights.DType;

    /// <summary>Stored scalars: R + R·Σₖ Iₖ (the weights and the factors).</summary>
    public long ParameterCount => Rank + (long)Rank * Shape.Sum();

    /// <summary>Dense size over stored size: Πₖ Iₖ / <see cref="ParameterCount"/>.</summary>
    public double CompressionRatio => Shape.Aggregate(1.0, (p, d) => p * d) / ParameterCount;

    /// <summary>The entry X[i₀, …, i_{N−1}] = Σᵣ λᵣ Πₖ Aₖ[iₖ, r], computed from one row of each factor.</summary>
    /// <exception cref="ArgumentException">When the index has the wrong number of entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an entry is out of range (the message names it and the shape).</exception>
    /// <example><code>double x = cp[0, 4, 2];</code></example>
    public double this[params int[] index]
    {
        get
        {
            CpChecks.Index("CpTensor", index, Shape);
            using var _ = TN.NoGrad();
            Tensor[] operands = [Weights, .. _factors.Select((f, k) => f.Select(0, index[k]))];
            return TN.Einsum([.. operands.Select(_ => new[] { 0 })], [], operands).Item();
        }
    }

    /// <summary>The dense tensor Σᵣ λᵣ a₀ᵣ ∘ ⋯ ∘ a_{N−1,r} (one einsum over the shared rank label;
    /// differentiable in the weights and factors).</summary>
    /// <example><code>Tensor dense = cp.ToDense();</code></example>
    public Tensor ToDense()
    {
        int n = Order;
        int[][] labels = [[n], .. Enumerable.Range(0, n).Select(k => new[] { k, n })];
        return TN.Einsum(labels, [.. Enumerable.Range(0, n)], [Weights, .. _factors]);
    }

    /// <summary>
    /// The equivalent network, with <see cref="NetworkBuilder.Cp"/>'s layout: cores <c>U{k}</c> (the
    /// factors) with legs (<c>p{k}</c>, <c>r</c>) and a core <c>lambda</c> (the weights) on the hyperedge
    /// <c>r</c>. <c>ToNetwork().Contract("p0", …, "p{N−1}")</c> equals <see cref="ToDense"/>.
    /// </summary>
    /// <example><code>
    /// TensorNetwork net = cp.ToNetwork();
    /// Tensor dense = net.Contract("p0", "p1", "p2");
    /// </code></example>
    public TensorNetwork ToNetwork()
    {
        var net = new TensorNetwork();
        net.Add("lambda", Weights, "r");
        for (int k = 0; k < Order; k++) net.Add($"U{k}", _factors[k], $"p{k}", "r");
        return net;
    }

    /// <inheritdoc/>
    public override string ToString() => $"CpTensor shape {Shape}, rank {Rank}, {DType}";

    private static Tensor UnitWeights(IReadOnlyList<Tensor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0 || factors[0] is null || factors[0].Order != 2)
            return TN.Ones(DType.Float64, 0);
        return TN.Ones(factors[0].DType, factors[0].Size(1));
    }
}
