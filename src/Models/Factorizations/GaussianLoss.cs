namespace TensorNetworks.Models.Factorizations;

/// <summary>Gaussian loss f = (x − m)² (the negative log-likelihood of N(m, σ²) times 2σ², constants dropped).</summary>
internal sealed class GaussianLoss : GcpLoss
{
    public override string Name => "Gaussian";

    public override GcpLink Link => GcpLink.Identity;

    public override string Domain => "finite real numbers";

    public override Tensor Value(Tensor data, Tensor model) => (data - model).Square();

    public override Tensor Derivative(Tensor data, Tensor model) => 2.0 * (model - data);

    public override Tensor Mean(Tensor model) => model;

    public override bool Admits(double x) => double.IsFinite(x);
}
