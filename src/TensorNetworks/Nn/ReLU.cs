namespace TensorNetworks.Nn;

/// <summary>The elementwise activation y = max(x, 0), as a layer for <see cref="Sequential"/>.</summary>
/// <example><code>
/// var model = new Sequential(new Linear(4, 8, gen), new ReLU(), new Linear(8, 1, gen));
/// </code></example>
public sealed class ReLU : Module
{
    /// <summary>y = max(x, 0), elementwise; any shape.</summary>
    /// <example><code>Tensor y = new ReLU().Forward(x); // x.Relu()</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Relu();
    }
}
