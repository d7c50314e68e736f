namespace TensorNetworks.Nn;

/// <summary>
/// A loss as a module: a scalar L(prediction, target) recorded for autodiff, so that a model and its
/// loss can be chosen and passed around alike.
/// </summary>
/// <example><code>
/// LossModule loss = new MseLoss();
/// Tensor l = loss.Forward(model.Forward(x), y);
/// l.Backward();
/// </code></example>
public abstract class LossModule : Module
{
    /// <summary>The scalar loss of <paramref name="prediction"/> against <paramref name="target"/>.</summary>
    /// <example><code>Tensor l = loss.Forward(model.Forward(x), y);</code></example>
    public abstract Tensor Forward(Tensor prediction, Tensor target);
}
