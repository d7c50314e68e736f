namespace TensorNetworks.Models.Factorizations;

/// <summary>Poisson loss with rate λ = eᵐ: f = eᵐ − x·m (−log(λˣe^{−λ}/x!) without log x!).</summary>
internal sealed class PoissonLogLoss : GcpLoss
{
    public override string Name => "PoissonLog";

    public override GcpLink Link => GcpLink.Log;

    public override string Domain => "non-negative integers (counts)";

    public override Tensor Value(Tensor data, Tensor model) => model.Exp() - data * model;

    public override Tensor Derivative(Tensor data, Tensor model) => model.Exp() - data;

    public override Tensor Mean(Tensor model) => model.Exp();

    public override bool Admits(double x) => GcpDomains.IsCount(x);
}
