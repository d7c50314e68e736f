namespace TensorNetworks.Nn;

/// <summary>Mean squared error L = (1/n) Σᵢ (pᵢ − tᵢ)² as a module; see <see cref="TN.MseLoss"/>.</summary>
/// <example><code>
/// Tensor l = new MseLoss().Forward(model.Forward(x), y);
/// </code></example>
public sealed class MseLoss : LossModule
{
    /// <summary>L = (1/n) Σᵢ (pᵢ − tᵢ)² over all n elements.</summary>
    /// <exception cref="ArgumentException">When the shapes are not identical or the dtypes differ.</exception>
    /// <example><code>Tensor l = new MseLoss().Forward(TN.Ones(3), TN.Zeros(3)); // 1</code></example>
    public override Tensor Forward(Tensor prediction, Tensor target) => TN.MseLoss(prediction, target);
}
