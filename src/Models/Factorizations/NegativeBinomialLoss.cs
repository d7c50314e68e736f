namespace TensorNetworks.Models.Factorizations;

/// <summary>Negative binomial loss with r failures and odds m = ρ/(1 − ρ): the probability
/// C(x + r − 1, x)·ρˣ(1 − ρ)ʳ with ρ = m/(1 + m) gives −log p = (r + x) log(1 + m) − x log m + terms
/// free of m, evaluated as (r + x)·log1p(m) − x log(m + ε). The mean is r·m.</summary>
internal sealed class NegativeBinomialLoss : GcpLoss
{
    private readonly double _failures;

    public NegativeBinomialLoss(double failures)
    {
        if (!(failures > 0) || !double.IsFinite(failures))
            throw new ArgumentOutOfRangeException(nameof(failures), failures, $"GcpLoss.NegativeBinomial: the number of failures r must be positive and finite, got {failures}.");
        _failures = failures;
    }

    public override string Name => $"NegativeBinomial(r = {_failures})";

    public override GcpLink Link => GcpLink.Odds;

    public override double LowerBound => 0;

    public override string Domain => "non-negative integers (counts)";

    public override Tensor Value(Tensor data, Tensor model) => (data + _failures) * model.Log1p() - data * (model + Epsilon).Log();

    public override Tensor Derivative(Tensor data, Tensor model) => (data + _failures) / (model + 1.0) - data / (model + Epsilon);

    public override Tensor Mean(Tensor model) => _failures * model;

    public override bool Admits(double x) => GcpDomains.IsCount(x);
}
