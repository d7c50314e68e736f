namespace TensorNetworks.Nn;

/// <summary>
/// Softmax cross-entropy of logits [N, C] against class labels, averaged over the rows, as a module:
/// L = (1/N) Σₙ (ln Σ_c exp(x[n, c]) − x[n, yₙ]); see <see cref="TN.CrossEntropy(Tensor, int[])"/>.
/// </summary>
/// <example><code>
/// var loss = new CrossEntropyLoss();
/// Tensor l = loss.Forward(model.Forward(images), labels);   // labels: int[N]
/// </code></example>
public sealed class CrossEntropyLoss : LossModule
{
    /// <summary>The mean cross-entropy of <paramref name="logits"/> [N, C] against N labels in 0..C−1.</summary>
    /// <exception cref="ArgumentException">When the logits are not 2-D, the label count is not N, or a label is out of range.</exception>
    /// <example><code>Tensor l = new CrossEntropyLoss().Forward(TN.Zeros(2, 4), [1, 3]); // ln 4</code></example>
    public Tensor Forward(Tensor logits, int[] labels) => TN.CrossEntropy(logits, labels);

    /// <summary>As <see cref="Forward(Tensor, int[])"/> with the labels as a 1-D tensor of whole numbers.</summary>
    /// <exception cref="ArgumentException">As for the int[] form, and when a label is not a whole number.</exception>
    /// <example><code>Tensor l = new CrossEntropyLoss().Forward(logits, TN.Tensor(new float[] { 1, 3 }));</code></example>
    public override Tensor Forward(Tensor prediction, Tensor target) => TN.CrossEntropy(prediction, target);
}
