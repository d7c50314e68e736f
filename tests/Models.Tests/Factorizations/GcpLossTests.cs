using TensorNetworks.Models.Factorizations;

namespace TensorNetworks.Models.Tests.Factorizations;

public sealed class GcpLossTests
{
    /// <summary>The loss under test and, written independently from its distribution, the negative
    /// log-likelihood as a function of (x, m) with the m-free normalizing terms left out, and the positive
    /// factor c with f = c·NLL + (terms free of m).</summary>
    private sealed record Case(GcpLoss Loss, Func<double, double, double> NegativeLogLikelihood, double Scale, double[] Data, double[] Models);

    private const double GammaShape = 3;
    private const double Failures = 4;

    private static Case For(string name) => name switch
    {
        "Gaussian" => new(GcpLoss.Gaussian, (x, m) => 0.5 * (x - m) * (x - m), 2, [-1.5, 0, 2.25], [-0.7, 0.3, 1.9]),
        // Gamma(k, σ = m/k): log p = (k − 1) log x − x/σ − k log σ.
        "Gamma" => new(GcpLoss.Gamma, (x, m) => -((GammaShape - 1) * Math.Log(x) - x / (m / GammaShape) - GammaShape * Math.Log(m / GammaShape)), 1 / GammaShape, [0.2, 1, 3.5], [0.5, 1.2, 2.8]),
        // Rayleigh(θ), mean m = θ√(π/2): log p = log x − 2 log θ − x²/(2θ²).
        "Rayleigh" => new(GcpLoss.Rayleigh, (x, m) => { double t = m * Math.Sqrt(2 / Math.PI); return -(Math.Log(x) - 2 * Math.Log(t) - x * x / (2 * t * t)); }, 1, [0.3, 1, 2.5], [0.4, 1.5, 2.2]),
        "PoissonIdentity" => new(GcpLoss.PoissonIdentity, (x, m) => m - x * Math.Log(m), 1, [0, 1, 4], [0.5, 1.5, 3.2]),
        "PoissonLog" => new(GcpLoss.PoissonLog, (x, m) => Math.Exp(m) - x * m, 1, [0, 2, 7], [-0.8, 0.4, 1.7]),
        "BernoulliOdds" => new(GcpLoss.BernoulliOdds, (x, m) => { double p = m / (1 + m); return -(x * Math.Log(p) + (1 - x) * Math.Log(1 - p)); }, 1, [0, 1, 1], [0.3, 1.5, 4]),
        "BernoulliLogit" => new(GcpLoss.BernoulliLogit, (x, m) => { double p = 1 / (1 + Math.Exp(-m)); return -(x * Math.Log(p) + (1 - x) * Math.Log(1 - p)); }, 1, [0, 1, 0], [-1.2, 0.7, 2.1]),
        // NB(r, ρ): p = C(x + r − 1, x) ρˣ (1 − ρ)ʳ with ρ = m/(1 + m); the binomial coefficient is free of m.
        "NegativeBinomial" => new(GcpLoss.NegativeBinomial(Failures), (x, m) => { double p = m / (1 + m); return -(x * Math.Log(p) + Failures * Math.Log(1 - p)); }, 1, [0, 3, 9], [0.4, 0.9, 2.5]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    public static TheoryData<string> Likelihoods => ["Gaussian", "Gamma", "Rayleigh", "PoissonIdentity", "PoissonLog", "BernoulliOdds", "BernoulliLogit", "NegativeBinomial"];

    private static Tensor Vector(params double[] values) => TN.Tensor(values, values.Length);

    [Theory]
    [MemberData(nameof(Likelihoods))]
    public void Value_IsTheScaledNegativeLogLikelihoodUpToTermsFreeOfM(string name)
    {
        Case c = For(name);
        double[] f = c.Loss.Value(Vector(c.Data), Vector(c.Models)).ToArray<double>();
        double[] shifted = c.Loss.Value(Vector(c.Data), Vector([.. c.Models.Select(m => m + 0.37)])).ToArray<double>();
        for (int i = 0; i < c.Data.Length; i++)
        {
            double x = c.Data[i], m = c.Models[i];
            double expected = c.Scale * (c.NegativeLogLikelihood(x, m) - c.NegativeLogLikelihood(x, m + 0.37));
            Assert.True(Math.Abs(f[i] - shifted[i] - expected) < 1e-8, $"{name} at x = {x}, m = {m}: f differences {f[i] - shifted[i]:R}, scaled NLL differences {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Likelihoods))]
    [InlineData("Huber")]
    public void Derivative_EqualsAutodiffOfValue(string name)
    {
        (GcpLoss loss, double[] data, double[] models) = name == "Huber"
            ? (GcpLoss.Huber(0.5), new[] { -1.0, 0.2, 3, 0.1 }, new[] { 0.1, 0.5, 1.2, -2 })
            : (For(name).Loss, For(name).Data, For(name).Models);
        Tensor m = Vector(models).RequiringGrad();
        Tensor autodiff = Gradients.Of(loss.Value(Vector(data), m).Sum(), [m])[0];
        double[] closed = loss.Derivative(Vector(data), m).ToArray<double>(), reference = autodiff.ToArray<double>();
        for (int i = 0; i < closed.Length; i++)
            Assert.True(Math.Abs(closed[i] - reference[i]) <= 1e-12 * (1 + Math.Abs(reference[i])), $"{name}[{i}]: closed form {closed[i]:R}, autodiff {reference[i]:R}");
    }

    [Theory]
    [InlineData("Gaussian")]
    [InlineData("Gamma")]
    [InlineData("PoissonIdentity")]
    [InlineData("PoissonLog")]
    [InlineData("BernoulliOdds")]
    [InlineData("BernoulliLogit")]
    [InlineData("NegativeBinomial")]
    public void Mean_MakesTheExpectedDerivativeVanish(string name)
    {
        // ∂f/∂m is affine in x for these losses, so E[∂f/∂m] = ∂f/∂m at x = E[x], which is 0 at the true m.
        Case c = For(name);
        Tensor m = Vector(c.Models);
        double[] d = c.Loss.Derivative(c.Loss.Mean(m), m).ToArray<double>();
        Assert.All(d, v => Assert.True(Math.Abs(v) < 1e-8, $"{name}: E[∂f/∂m] = {v:R} at the true parameter"));
    }

    [Fact]
    public void Mean_OfRayleighMakesTheExpectedDerivativeVanish()
    {
        // ∂f/∂m = 2/m − (π/2)x²/m³ and E[x²] = 2θ² = (4/π)m² for a Rayleigh with mean m.
        Tensor m = Vector(0.5, 1.3, 2.7);
        Tensor secondMoment = 4 / Math.PI * GcpLoss.Rayleigh.Mean(m).Square();
        Assert.All(GcpLoss.Rayleigh.Derivative(secondMoment.Sqrt(), m).ToArray<double>(), v => Assert.True(Math.Abs(v) < 1e-8, $"E[∂f/∂m] = {v:R}"));
    }

    [Fact]
    public void Huber_IsQuadraticWithinDeltaAndLinearBeyond()
    {
        double delta = 0.5;
        double[] residuals = [-2, -0.5, -0.3, 0, 0.4, 0.5, 1.7];
        double[] f = GcpLoss.Huber(delta).Value(Vector(residuals), Vector(new double[residuals.Length])).ToArray<double>();
        for (int i = 0; i < residuals.Length; i++)
        {
            double r = residuals[i], expected = Math.Abs(r) <= delta ? r * r : 2 * delta * Math.Abs(r) - delta * delta;
            Assert.Equal(expected, f[i], 14);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Parameters_ThrowUnlessPositiveAndFinite(double value)
    {
        var huber = Assert.Throws<ArgumentOutOfRangeException>(() => GcpLoss.Huber(value));
        Assert.Contains("delta", huber.Message);
        var negativeBinomial = Assert.Throws<ArgumentOutOfRangeException>(() => GcpLoss.NegativeBinomial(value));
        Assert.Contains("failures", negativeBinomial.Message);
    }

    [Fact]
    public void LowerBound_IsZeroExactlyForTheLossesThatNeedIt()
    {
        GcpLoss[] bounded = [GcpLoss.Gamma, GcpLoss.Rayleigh, GcpLoss.PoissonIdentity, GcpLoss.BernoulliOdds, GcpLoss.NegativeBinomial(2)];
        GcpLoss[] free = [GcpLoss.Gaussian, GcpLoss.PoissonLog, GcpLoss.BernoulliLogit, GcpLoss.Huber(1)];
        Assert.All(bounded, l => Assert.True(l.IsLowerBounded && l.LowerBound == 0, l.Name));
        Assert.All(free, l => Assert.False(l.IsLowerBounded, l.Name));
    }

    [Theory]
    [InlineData("Gaussian", double.NaN)]
    [InlineData("Gamma", 0.0)]
    [InlineData("Rayleigh", -0.5)]
    [InlineData("PoissonIdentity", 1.5)]
    [InlineData("PoissonLog", -1.0)]
    [InlineData("BernoulliOdds", 2.0)]
    [InlineData("BernoulliLogit", 0.5)]
    [InlineData("NegativeBinomial", -2.0)]
    public void Admits_RejectsValuesOutsideTheDomain(string name, double bad)
    {
        Case c = For(name);
        Assert.All(c.Data, x => Assert.True(c.Loss.Admits(x), $"{name} should admit {x}"));
        Assert.False(c.Loss.Admits(bad));
    }
}
