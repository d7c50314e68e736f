namespace TensorNetworks.Models.Factorizations;

/// <summary>
/// The generalized CP objective F(A₀, …, A_{N−1}) = Σᵢ wᵢ f(xᵢ, mᵢ) over all entries i of a data tensor X,
/// with M = [[A₀, …, A_{N−1}]] the CP model (mᵢ = Σᵣ Πₖ Aₖ[iₖ, r], weights absorbed into the factors),
/// an elementwise <see cref="GcpLoss"/> f and entry weights W (a 0/1 mask marks missing entries; absent
/// weights mean wᵢ = 1). Its gradient has the closed form dF/dAₖ = Y₍ₖ₎(A₀ ⊙ ⋯ ⊙ Aₖ₋₁ ⊙ Aₖ₊₁ ⊙ ⋯ ⊙ A_{N−1})
/// with Y = W ⊛ ∂f/∂M, an MTTKRP of Y in the row-major unfolding convention of
/// <see cref="TN.Linalg.Unfold"/> (Kolda and Bader's column-major unfolding reverses the Khatri–Rao order
/// to A_{N−1} ⊙ ⋯ ⊙ A₀, as in Hong, Kolda and Duersch).
/// </summary>
/// <example><code>
/// var problem = new GcpProblem(counts, GcpLoss.PoissonLog);
/// Tensor f = problem.Evaluate(factors);          // differentiable
/// Tensor[] grad = problem.Gradient(factors);     // closed form, one Iₖ × R matrix per mode
/// </code></example>
public sealed partial class GcpProblem
{
    /// <summary>Creates the problem, checking the data against the loss's domain on observed entries.</summary>
    /// <param name="data">X, with at least 2 modes.</param>
    /// <param name="loss">The elementwise loss f.</param>
    /// <param name="weights">W, of X's shape, finite and non-negative (a 0/1 mask marks missing entries, whose
    /// data values are never read); null for wᵢ = 1. Converted to X's dtype.</param>
    /// <exception cref="ArgumentException">When X has fewer than 2 modes; W's shape differs from X's (the message
    /// shows both) or W has a negative or non-finite entry; or an observed entry of X is outside the loss's
    /// domain (the message names the loss, the entry's index and value).</exception>
    /// <example><code>var problem = new GcpProblem(x, GcpLoss.Gaussian, weights: mask);</code></example>
    public GcpProblem(Tensor data, GcpLoss loss, Tensor? weights = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        if (data.Order < 2)
            throw new ArgumentException($"Gcp: the data tensor needs at least 2 modes, got shape {data.Shape}.", nameof(data));
        if (weights is not null) GcpChecks.Weights(weights, data.Shape);
        GcpDomains.Check(loss, data, weights);
        Weights = weights?.Detach().To(data.DType);
        Data = Weights is null ? data.Detach() : TN.Where(Weights, data.Detach(), TN.Scalar(0, data.DType));
        Loss = loss;
        ObservedCount = Weights is null ? data.ElementCount : Weights.ToArray<double>().Count(w => w != 0);
    }

    /// <summary>The data X (entries with weight 0 replaced by 0, so they are never read).</summary>
    public Tensor Data { get; }

    /// <summary>The weights W, or null when every wᵢ = 1.</summary>
    public Tensor? Weights { get; }

    /// <summary>The elementwise loss f.</summary>
    public GcpLoss Loss { get; }

    /// <summary>The data shape (I₀, …, I_{N−1}).</summary>
    public Shape Shape => Data.Shape;

    /// <summary>The number of observed entries (weight ≠ 0).</summary>
    public long ObservedCount { get; }

    /// <summary>The model M = [[A₀, …, A_{N−1}]], mᵢ = Σᵣ Πₖ Aₖ[iₖ, r] (one einsum; differentiable).</summary>
    /// <exception cref="ArgumentException">When the factors do not fit the data (count, rows, rank, dtype).</exception>
    /// <example><code>Tensor m = problem.Model(factors);</code></example>
    public Tensor Model(IReadOnlyList<Tensor> factors)
    {
        GcpChecks.Factors(factors, Shape, Data.DType);
        int n = factors.Count;
        return TN.Einsum([.. Enumerable.Range(0, n).Select(k => new[] { k, n })], [.. Enumerable.Range(0, n)], [.. factors]);
    }

    /// <summary>F = Σᵢ wᵢ f(xᵢ, mᵢ), recorded for autodiff (the reference the closed-form gradient is checked against).</summary>
    /// <exception cref="ArgumentException">When the factors do not fit the data (count, rows, rank, dtype).</exception>
    /// <example><code>Tensor f = problem.Evaluate(factors); f.Backward();</code></example>
    public Tensor Evaluate(IReadOnlyList<Tensor> factors)
    {
        Tensor values = Loss.Value(Data, Model(factors));
        return (Weights is null ? values : values * Weights).Sum();
    }

    /// <summary>The closed-form gradient dF/dAₖ = Mttkrp(Y, A, k) with Y = W ⊛ ∂f/∂M, for every mode k
    /// (computed without recording).</summary>
    /// <exception cref="ArgumentException">When the factors do not fit the data (count, rows, rank, dtype).</exception>
    /// <example><code>Tensor[] g = problem.Gradient(factors); // g[k] has factors[k]'s shape</code></example>
    public Tensor[] Gradient(IReadOnlyList<Tensor> factors)
    {
        using var _ = TN.NoGrad();
        Tensor[] values = [.. factors.Select(a => a.Detach())];
        return [.. MttkrpAll(LossDerivative(Model(values)), values)];
    }

    /// <summary>
    /// F for training with the closed-form gradient: the value is F, and backpropagating it gives dF/dAₖ
    /// from <see cref="Gradient"/> for each (recorded) factor. With G the detached closed-form gradients and
    /// s = Σₖ ⟨Aₖ, Gₖ⟩ recorded, the result is (s − detach(s)) + F: exactly F in value (s − detach(s) is 0)
    /// and Gₖ in gradient. The factors may be functions of parameters (a non-negative parametrization); the
    /// tape carries Gₖ through them.
    /// </summary>
    internal Tensor TrainingLoss(IReadOnlyList<Tensor> factors)
    {
        Tensor[] gradients;
        double value;
        using (TN.NoGrad())
        {
            Tensor[] values = [.. factors.Select(a => a.Detach())];
            Tensor model = Model(values);
            Tensor losses = Loss.Value(Data, model);
            value = (Weights is null ? losses : losses * Weights).Sum().Item();
            gradients = [.. MttkrpAll(LossDerivative(model), values)];
        }
        Tensor inner = factors.Select((a, k) => (a * gradients[k]).Sum()).Aggregate((p, q) => p + q);
        return inner - inner.Detach() + value;
    }

    private Tensor LossDerivative(Tensor model)
    {
        Tensor derivative = Loss.Derivative(Data, model);
        return Weights is null ? derivative : derivative * Weights;
    }

    private static IEnumerable<Tensor> MttkrpAll(Tensor y, Tensor[] factors)
        => Enumerable.Range(0, factors.Length).Select(k => TN.Linalg.Mttkrp(y, factors, k));
}
