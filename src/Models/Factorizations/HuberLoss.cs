namespace TensorNetworks.Models.Factorizations;

/// <summary>Huber loss on r = x − m: r² for |r| ≤ δ, 2δ|r| − δ² beyond. Written as c² + 2δ(|r| − |c|) with
/// c = clamp(r, −δ, δ), which is both branches at once and differentiates to 2c·∂r.</summary>
internal sealed class HuberLoss : GcpLoss
{
    private readonly double _delta;

    public HuberLoss(double delta)
    {
        if (!(delta > 0) || !double.IsFinite(delta))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"GcpLoss.Huber: the threshold delta must be positive and finite, got {delta}.");
        _delta = delta;
    }

    public override string Name => $"Huber(delta = {_delta})";

    public override GcpLink Link => GcpLink.Identity;

    public override string Domain => "finite real numbers";

    public override Tensor Value(Tensor data, Tensor model)
    {
        Tensor residual = data - model;
        Tensor clamped = residual.Clamp(-_delta, _delta);
        return clamped.Square() + 2 * _delta * (residual.Abs() - clamped.Abs());
    }

    public override Tensor Derivative(Tensor data, Tensor model) => -2.0 * (data - model).Clamp(-_delta, _delta);

    public override Tensor Mean(Tensor model) => model;

    public override bool Admits(double x) => double.IsFinite(x);
}
