namespace TensorNetworks.Models.Factorizations;

/// <summary>Bernoulli loss with odds m = ρ/(1 − ρ): ρ = m/(1 + m), so −x log ρ − (1 − x) log(1 − ρ)
/// = log(1 + m) − x log m, evaluated as log1p(m) − x log(m + ε).</summary>
internal sealed class BernoulliOddsLoss : GcpLoss
{
    public override string Name => "BernoulliOdds";

    public override GcpLink Link => GcpLink.Odds;

    public override double LowerBound => 0;

    public override string Domain => "binary values 0 or 1";

    public override Tensor Value(Tensor data, Tensor model) => model.Log1p() - data * (model + Epsilon).Log();

    public override Tensor Derivative(Tensor data, Tensor model) => 1.0 / (model + 1.0) - data / (model + Epsilon);

    public override Tensor Mean(Tensor model) => model / (model + 1.0);

    public override bool Admits(double x) => x is 0 or 1;
}
