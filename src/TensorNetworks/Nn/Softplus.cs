namespace TensorNetworks.Nn;

/// <summary>The elementwise activation y = ln(1 + eˣ), as a layer for <see cref="Sequential"/>.</summary>
/// <example><code>
/// var model = new Sequential(new Linear(4, 8, gen), new Softplus(), new Linear(8, 1, gen));
/// </code></example>
public sealed class Softplus : Module
{
    /// <summary>y = ln(1 + eˣ), elementwise; any shape.</summary>
    /// <example><code>Tensor y = new Softplus().Forward(x); // x.Softplus()</code></example>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Softplus();
    }
}
