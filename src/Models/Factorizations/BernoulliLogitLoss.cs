namespace TensorNetworks.Models.Factorizations;

/// <summary>Bernoulli loss with log-odds m: ρ = 1/(1 + e⁻ᵐ), so −x log ρ − (1 − x) log(1 − ρ) = log(1 + eᵐ) − x·m
/// (the binary cross-entropy), with log(1 + eᵐ) as a stable softplus.</summary>
internal sealed class BernoulliLogitLoss : GcpLoss
{
    public override string Name => "BernoulliLogit";

    public override GcpLink Link => GcpLink.Logit;

    public override string Domain => "binary values 0 or 1";

    public override Tensor Value(Tensor data, Tensor model) => model.Softplus() - data * model;

    public override Tensor Derivative(Tensor data, Tensor model) => model.Sigmoid() - data;

    public override Tensor Mean(Tensor model) => model.Sigmoid();

    public override bool Admits(double x) => x is 0 or 1;
}
