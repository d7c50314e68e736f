namespace TensorNetworks.Models.Decompositions;

public sealed partial class TuckerTensor
{
    /// <summary>
    /// The Frobenius norm without forming the dense tensor. With orthonormal factors (UₖᵀUₖ = I to a few
    /// ulps, as HOSVD and HOOI return) ‖X‖ = ‖G‖; otherwise
    /// ‖X‖² = Σ_{r,s} G[r]·G[s]·Πₖ (UₖᵀUₖ)[rₖ, sₖ], from the Rₖ × Rₖ Gram matrices.
    /// </summary>
    /// <example><code>double n = tucker.Norm(); // = tucker.ToDense().Norm().Item()</code></example>
    public double Norm()
    {
        using var _ = TN.NoGrad();
        Tensor[] grams = [.. _factors.Select(u => TN.Einsum("ir,is->rs", u, u))];
        if (grams.All(IsIdentity)) return Core.Norm().Item();
        int n = Order;
        int[][] labels = [[.. Enumerable.Range(0, n)], .. Enumerable.Range(0, n).Select(k => new[] { k, n + k }), [.. Enumerable.Range(n, n)]];
        double squared = TN.Einsum(labels, [], [Core, .. grams, Core]).Item();
        return Math.Sqrt(Math.Max(squared, 0));
    }

    /// <summary>
    /// The inner product ⟨X, T⟩ = ⟨G, T ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ⟩ with a dense tensor T of the same shape
    /// and dtype (one einsum, without forming X).
    /// </summary>
    /// <exception cref="ArgumentException">When T's shape or dtype differs.</exception>
    /// <example><code>double ip = tucker.Inner(dense);</code></example>
    public double Inner(Tensor dense)
    {
        CpChecks.SameShape("TuckerTensor.Inner", dense, Shape, DType);
        using var _ = TN.NoGrad();
        int n = Order;
        int[][] labels = [[.. Enumerable.Range(0, n)], .. Enumerable.Range(0, n).Select(k => new[] { k, n + k }), [.. Enumerable.Range(n, n)]];
        return TN.Einsum(labels, [], [dense, .. _factors, Core]).Item();
    }

    /// <summary>
    /// The inner product ⟨X, Y⟩ = Σ_{r,s} G[r]·H[s]·Πₖ (UₖᵀVₖ)[rₖ, sₖ] of two Tucker tensors of the same shape
    /// (ranks may differ), from the cross-Gram matrices, without forming either dense tensor.
    /// </summary>
    /// <exception cref="ArgumentException">When the shapes or dtypes differ.</exception>
    /// <example><code>double ip = tucker.Inner(other);</code></example>
    public double Inner(TuckerTensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Shape != Shape)
            throw new ArgumentException($"TuckerTensor.Inner: the other Tucker tensor has shape {other.Shape} but this one has shape {Shape}.", nameof(other));
        if (other.DType != DType)
            throw new ArgumentException($"TuckerTensor.Inner: the other Tucker tensor is {other.DType} but this one is {DType}.", nameof(other));
        using var _ = TN.NoGrad();
        int n = Order;
        Tensor[] cross = [.. _factors.Zip(other._factors, (u, v) => TN.Einsum("ir,is->rs", u, v))];
        int[][] labels = [[.. Enumerable.Range(0, n)], .. Enumerable.Range(0, n).Select(k => new[] { k, n + k }), [.. Enumerable.Range(n, n)]];
        return TN.Einsum(labels, [], [Core, .. cross, other.Core]).Item();
    }

    /// <summary>Whether a Gram matrix equals the identity to within 16·R·eps of its dtype.</summary>
    private static bool IsIdentity(Tensor gram)
    {
        int r = gram.Size(0);
        double eps = gram.DType == DType.Float32 ? 1.2e-7 : 2.3e-16;
        double tolerance = 16 * Math.Max(r, 1) * eps;
        double[] values = gram.ToArray<double>();
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                if (Math.Abs(values[i * r + j] - (i == j ? 1 : 0)) > tolerance) return false;
        return true;
    }
}
