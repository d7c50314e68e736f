namespace TensorNetworks.Nn;

/// <summary>The elementwise activation y = 1 / (1 + e^(−x)), as a layer for <see cref="Sequential"/>.</summary>
/// <example><code>
/// var model = new Sequential(new Linear(4, 8, gen), new Sigmoid(), new Linear(8, 1, gen));
/// </code></example>
public sealed class Sigmoid : Module
{
    /// <summary>y = 1 / (1 + e^(−x)), elementwise; any shape.</summary>
    /// <example><code>Tensor y = new Sigmoid().Forward(x); // x.Sigmoid()</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Sigmoid();
    }
}
