namespace TensorNetworks.Models.Factorizations;

/// <summary>Poisson loss with rate λ = m: f = m − x log(m + ε) (−log(λˣe^{−λ}/x!) without log x!).</summary>
internal sealed class PoissonIdentityLoss : GcpLoss
{
    public override string Name => "PoissonIdentity";

    public override GcpLink Link => GcpLink.Identity;

    public override double LowerBound => 0;

    public override string Domain => "non-negative integers (counts)";

    public override Tensor Value(Tensor data, Tensor model) => model - data * (model + Epsilon).Log();

    public override Tensor Derivative(Tensor data, Tensor model) => 1.0 - data / (model + Epsilon);

    public override Tensor Mean(Tensor model) => model;

    public override bool Admits(double x) => GcpDomains.IsCount(x);
}
