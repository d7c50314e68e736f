namespace TensorNetworks.Models.Decompositions;

public sealed partial class CpTensor
{
    /// <summary>
    /// The Frobenius norm ‖X‖ = sqrt(λᵀ (A₀ᵀA₀ ⊛ ⋯ ⊛ A_{N−1}ᵀA_{N−1}) λ), from the Hadamard product of the
    /// R × R Gram matrices, without forming the dense tensor (cost O(R² Σₖ Iₖ)).
    /// </summary>
    /// <example><code>double n = cp.Norm(); // = cp.ToDense().Norm().Item()</code></example>
    public double Norm()
    {
        using var _ = TN.NoGrad();
        Tensor hadamard = _factors.Select(Gram).Aggregate((p, g) => p * g);
        double squared = TN.Einsum("r,rs,s->", Weights, hadamard, Weights).Item();
        return Math.Sqrt(Math.Max(squared, 0));
    }

    /// <summary>
    /// The inner product ⟨X, T⟩ = Σ_{i} X[i]·T[i] with a dense tensor T of the same shape and dtype, computed
    /// as Σᵣ λᵣ · (T ×₀ a₀ᵣᵀ ⋯ ×_{N−1} a_{N−1,r}ᵀ) in one einsum, without forming X.
    /// </summary>
    /// <exception cref="ArgumentException">When T's shape or dtype differs (the message shows both).</exception>
    /// <example><code>double ip = cp.Inner(dense);</code></example>
    public double Inner(Tensor dense)
    {
        CpChecks.SameShape("CpTensor.Inner", dense, Shape, DType);
        using var _ = TN.NoGrad();
        int n = Order;
        int[][] labels = [[.. Enumerable.Range(0, n)], [n], .. Enumerable.Range(0, n).Select(k => new[] { k, n })];
        return TN.Einsum(labels, [], [dense, Weights, .. _factors]).Item();
    }

    /// <summary>
    /// The inner product ⟨X, Y⟩ = λᵀ (A₀ᵀB₀ ⊛ ⋯ ⊛ A_{N−1}ᵀB_{N−1}) μ of two CP tensors of the same shape
    /// (ranks may differ), from the R × S cross-Gram matrices, without forming either dense tensor.
    /// </summary>
    /// <exception cref="ArgumentException">When the shapes or dtypes differ.</exception>
    /// <example><code>double ip = cp.Inner(other);</code></example>
    public double Inner(CpTensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Shape != Shape)
            throw new ArgumentException($"CpTensor.Inner: the other CP tensor has shape {other.Shape} but this one has shape {Shape}.", nameof(other));
        if (other.DType != DType)
            throw new ArgumentException($"CpTensor.Inner: the other CP tensor is {other.DType} but this one is {DType}.", nameof(other));
        using var _ = TN.NoGrad();
        Tensor hadamard = _factors.Zip(other._factors, (a, b) => TN.Einsum("ir,is->rs", a, b)).Aggregate((p, g) => p * g);
        return TN.Einsum("r,rs,s->", Weights, hadamard, other.Weights).Item();
    }

    private static Tensor Gram(Tensor factor) => TN.Einsum("ir,is->rs", factor, factor);
}
