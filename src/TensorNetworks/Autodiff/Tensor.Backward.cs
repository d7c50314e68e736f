namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes d(this)/d(leaf) for every leaf that requires a gradient and adds it to the leaf's
    /// <see cref="Grad"/>. For a non-scalar output pass the upstream gradient v: leaves then receive
    /// vᵀ · J (the vector-Jacobian product).
    /// </summary>
    /// <param name="gradient">The seed dL/d(this), same shape and dtype; null means 1 for a scalar.</param>
    /// <param name="retainGraph">Keep the recorded graph so that Backward can run through it again.</param>
    /// <exception cref="InvalidOperationException">When this tensor does not require a gradient, is not a
    /// scalar and no seed was given, or its graph was already freed by an earlier backward pass.</exception>
    /// <example><code>
    /// var w = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
    /// (w * w).Sum().Backward();   // w.Grad = 2w = [2, 4]
    /// </code></example>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
        => BackwardPass.Run(this, gradient, retainGraph, targets: null);
}
