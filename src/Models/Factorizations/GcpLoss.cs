namespace TensorNetworks.Models.Factorizations;

/// <summary>
/// An elementwise loss f(x, m) of generalized CP (Hong, Kolda and Duersch, 2020): the negative
/// log-likelihood −log p(x | θ) of a data value x under a distribution whose parameter θ is tied to the
/// model value m by a link ℓ(θ) = m, with constants in m dropped. Each loss gives f, its derivative
/// ∂f/∂m, the link, the mean E[x] as a function of m, the data domain, and the lower bound m must respect.
/// Losses whose formula divides by m or takes its logarithm use m + ε with ε = <see cref="Epsilon"/>.
/// </summary>
/// <example><code>
/// GcpLoss loss = GcpLoss.PoissonLog;
/// Tensor f = loss.Value(x, m);          // eᵐ − x·m, elementwise
/// Tensor dfdm = loss.Derivative(x, m);  // eᵐ − x
/// Tensor rates = loss.Mean(m);          // eᵐ
/// </code></example>
public abstract class GcpLoss
{
    /// <summary>The ε added to m inside logarithms and denominators: 1e-10, as in Hong, Kolda and Duersch.</summary>
    public const double Epsilon = 1e-10;

    private protected GcpLoss()
    {
    }

    /// <summary>The loss's name, used in messages (for example <c>PoissonLog</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The link ℓ with ℓ(θ) = m.</summary>
    public abstract GcpLink Link { get; }

    /// <summary>The smallest model value the loss admits: 0 for losses with m ≥ 0, −∞ otherwise.</summary>
    public virtual double LowerBound => double.NegativeInfinity;

    /// <summary>True when m must stay at or above <see cref="LowerBound"/> (it is finite).</summary>
    public bool IsLowerBounded => double.IsFinite(LowerBound);

    /// <summary>The data domain in words, as quoted by domain errors (for example "non-negative integers (counts)").</summary>
    public abstract string Domain { get; }

    /// <summary>f(x, m), elementwise (x and m broadcast); differentiable in both arguments.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor f = GcpLoss.Gaussian.Value(x, m); // (x − m)²</code></example>
    public abstract Tensor Value(Tensor data, Tensor model);

    /// <summary>∂f/∂m at (x, m), elementwise, in closed form (not recorded for autodiff by intent: callers
    /// use it for closed-form gradients).</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor d = GcpLoss.Gaussian.Derivative(x, m); // 2(m − x)</code></example>
    public abstract Tensor Derivative(Tensor data, Tensor model);

    /// <summary>The mean E[x] of the distribution the model value m stands for (for example eᵐ under the log
    /// link, 1/(1 + e⁻ᵐ) under the logit link, r·m for the negative binomial).</summary>
    /// <example><code>Tensor p = GcpLoss.BernoulliLogit.Mean(m); // success probabilities</code></example>
    public abstract Tensor Mean(Tensor model);

    /// <summary>Whether the single value x is in the data domain.</summary>
    /// <example><code>bool ok = GcpLoss.PoissonLog.Admits(3); // true; Admits(0.5) is false</code></example>
    public abstract bool Admits(double x);

    /// <summary>Gaussian: f = (x − m)², ∂f/∂m = 2(m − x); x, m ∈ ℝ; identity link.</summary>
    public static GcpLoss Gaussian { get; } = new GaussianLoss();

    /// <summary>Gamma with fixed shape k and mean m: f = x/(m + ε) + log(m + ε), ∂f/∂m = 1/(m + ε) − x/(m + ε)²;
    /// x &gt; 0, m ≥ 0. This is the negative log-likelihood divided by k, constants dropped.</summary>
    public static GcpLoss Gamma { get; } = new GammaLoss();

    /// <summary>Rayleigh with mean m (scale θ = m·√(2/π)): f = 2 log(m + ε) + (π/4)(x/(m + ε))²,
    /// ∂f/∂m = 2/(m + ε) − (π/2)x²/(m + ε)³; x &gt; 0, m ≥ 0.</summary>
    public static GcpLoss Rayleigh { get; } = new RayleighLoss();

    /// <summary>Poisson with identity link (rate λ = m): f = m − x log(m + ε), ∂f/∂m = 1 − x/(m + ε); x ∈ ℕ, m ≥ 0.</summary>
    public static GcpLoss PoissonIdentity { get; } = new PoissonIdentityLoss();

    /// <summary>Poisson with log link (λ = eᵐ): f = eᵐ − x·m, ∂f/∂m = eᵐ − x; x ∈ ℕ, m ∈ ℝ.</summary>
    public static GcpLoss PoissonLog { get; } = new PoissonLogLoss();

    /// <summary>Bernoulli with odds link (m = ρ/(1 − ρ)): f = log(m + 1) − x log(m + ε),
    /// ∂f/∂m = 1/(m + 1) − x/(m + ε); x ∈ {0, 1}, m ≥ 0.</summary>
    public static GcpLoss BernoulliOdds { get; } = new BernoulliOddsLoss();

    /// <summary>Bernoulli with logit link (m = log(ρ/(1 − ρ))): f = log(1 + eᵐ) − x·m, ∂f/∂m = 1/(1 + e⁻ᵐ) − x;
    /// x ∈ {0, 1}, m ∈ ℝ. log(1 + eᵐ) is evaluated as a stable softplus.</summary>
    public static GcpLoss BernoulliLogit { get; } = new BernoulliLogitLoss();

    /// <summary>Negative binomial with r failures and odds m = ρ/(1 − ρ) (mean r·m):
    /// f = (r + x) log(1 + m) − x log(m + ε), ∂f/∂m = (r + x)/(1 + m) − x/(m + ε); x ∈ ℕ, m ≥ 0.</summary>
    /// <param name="failures">r &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">When r is not positive and finite.</exception>
    /// <example><code>GcpLoss loss = GcpLoss.NegativeBinomial(failures: 4);</code></example>
    public static GcpLoss NegativeBinomial(double failures) => new NegativeBinomialLoss(failures);

    /// <summary>Huber with threshold δ on the residual r = x − m: f = r² when |r| ≤ δ and 2δ|r| − δ² beyond
    /// (continuous with a continuous derivative), ∂f/∂m = −2·clamp(r, −δ, δ); x, m ∈ ℝ.</summary>
    /// <param name="delta">δ &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">When δ is not positive and finite.</exception>
    /// <example><code>GcpLoss loss = GcpLoss.Huber(delta: 0.5);</code></example>
    public static GcpLoss Huber(double delta) => new HuberLoss(delta);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
