namespace TensorNetworks.Models.Factorizations;

/// <summary>Rayleigh loss with mean m: f = 2 log(m + ε) + (π/4)(x/(m + ε))². The density
/// (x/θ²)·exp(−x²/(2θ²)) with mean m = θ√(π/2) gives −log p = 2 log m + (π/4)(x/m)² + terms free of m.</summary>
internal sealed class RayleighLoss : GcpLoss
{
    public override string Name => "Rayleigh";

    public override GcpLink Link => GcpLink.Identity;

    public override double LowerBound => 0;

    public override string Domain => "positive real numbers";

    public override Tensor Value(Tensor data, Tensor model)
    {
        Tensor shifted = model + Epsilon;
        return 2.0 * shifted.Log() + Math.PI / 4 * (data / shifted).Square();
    }

    public override Tensor Derivative(Tensor data, Tensor model)
    {
        Tensor shifted = model + Epsilon;
        return (2.0 - Math.PI / 2 * (data / shifted).Square()) / shifted;
    }

    public override Tensor Mean(Tensor model) => model;

    public override bool Admits(double x) => x > 0 && double.IsFinite(x);
}
