namespace TensorNetworks;

/// <summary>Gradients returned as values, without touching any tensor's <see cref="Tensor.Grad"/>.</summary>
public static class Gradients
{
    /// <summary>
    /// Returns d(output)/d(inputs[i]) for each input (a leaf or an intermediate tensor); an input that
    /// does not influence the output gets zeros. The graph is kept, so this may be called repeatedly.
    /// The gradients are plain values: their computation is not recorded, so they cannot be differentiated again
    /// (no second derivatives; PyTorch's <c>create_graph</c> has no counterpart).
    /// </summary>
    /// <param name="output">A scalar, or any tensor when <paramref name="seed"/> is given.</param>
    /// <param name="inputs">Tensors that lie on the recorded graph of <paramref name="output"/>.</param>
    /// <param name="seed">The upstream gradient for a non-scalar output.</param>
    /// <example><code>
    /// var x = TN.Tensor(new[] { 3.0 }, 1).RequiringGrad();
    /// Tensor[] g = Gradients.Of((x * x).Sum(), [x]);  // g[0] = [6]
    /// </code></example>
    public static Tensor[] Of(Tensor output, Tensor[] inputs, Tensor? seed = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].RequiresGrad)
                throw new ArgumentException($"Gradients.Of: input {i} (shape {inputs[i].Shape}) does not require a gradient, so no gradient can flow to it. Mark it with RequiringGrad() before computing the output.", nameof(inputs));
        }
        return BackwardPass.Run(output, seed, retainGraph: true, targets: inputs)!;
    }
}
