namespace TensorNetworks.Nn;

/// <summary>The elementwise activation y = tanh(x), as a layer for <see cref="Sequential"/>.</summary>
/// <example><code>
/// var model = new Sequential(new Linear(4, 8, gen), new Tanh(), new Linear(8, 1, gen));
/// </code></example>
public sealed class Tanh : Module
{
    /// <summary>y = tanh(x), elementwise; any shape.</summary>
    /// <example><code>Tensor y = new Tanh().Forward(x); // x.Tanh()</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Tanh();
    }
}
