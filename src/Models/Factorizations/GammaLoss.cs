namespace TensorNetworks.Models.Factorizations;

/// <summary>Gamma loss with mean m: f = x/(m + ε) + log(m + ε). With shape k and scale m/k the negative
/// log-likelihood is k·x/m + k·log m + terms free of m; dividing by k gives f.</summary>
internal sealed class GammaLoss : GcpLoss
{
    public override string Name => "Gamma";

    public override GcpLink Link => GcpLink.Identity;

    public override double LowerBound => 0;

    public override string Domain => "positive real numbers";

    public override Tensor Value(Tensor data, Tensor model)
    {
        Tensor shifted = model + Epsilon;
        return data / shifted + shifted.Log();
    }

    public override Tensor Derivative(Tensor data, Tensor model)
    {
        Tensor shifted = model + Epsilon;
        return (1.0 - data / shifted) / shifted;
    }

    public override Tensor Mean(Tensor model) => model;

    public override bool Admits(double x) => x > 0 && double.IsFinite(x);
}
