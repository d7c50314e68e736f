namespace TensorNetworks.Models.Factorizations;

/// <summary>How a GCP model value m relates to the parameter θ of the data distribution: ℓ(θ) = m.</summary>
public enum GcpLink
{
    /// <summary>m = θ, the distribution's mean (Gaussian, Huber, Gamma, Rayleigh, Poisson with identity link).</summary>
    Identity,

    /// <summary>m = log θ (Poisson with log link: θ = λ = eᵐ).</summary>
    Log,

    /// <summary>m = ρ / (1 − ρ), the odds of a success probability ρ (Bernoulli with odds link, negative binomial).</summary>
    Odds,

    /// <summary>m = log(ρ / (1 − ρ)), the log-odds (Bernoulli with logit link: ρ = 1 / (1 + e⁻ᵐ)).</summary>
    Logit,
}
