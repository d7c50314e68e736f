namespace TensorNetworks.Nn;

/// <summary>
/// Layers applied in order: y = fₙ₋₁(… f₁(f₀(x))). The layers are registered as children "0", "1", …,
/// so their parameters have paths such as <c>0.weight</c> and <c>2.bias</c>.
/// </summary>
/// <example><code>
/// var mlp = new Sequential(new Linear(4, 16, gen), new ReLU(), new Linear(16, 3, gen));
/// Tensor logits = mlp.Forward(x);                   // [N, 3]
/// Parameter w = mlp.Parameter("2.weight");          // the last layer's weight
/// </code></example>
public sealed class Sequential : Module
{
    private readonly Module[] _layers;

    /// <summary>Creates the chain and registers each layer under its position.</summary>
    /// <example><code>var mlp = new Sequential(new Linear(2, 8, gen), new Tanh(), new Linear(8, 1, gen));</code></example>
    /// <exception cref="ArgumentException">When no layer is given.</exception>
    /// <exception cref="ArgumentNullException">When a layer is null.</exception>
    public Sequential(params Module[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
            throw new ArgumentException("Sequential: give at least one layer.", nameof(layers));
        _layers = [.. layers];
        for (int i = 0; i < _layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i]);
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Length;

    /// <summary>The layer at position <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">When the index is outside [0, Count).</exception>
    public Module this[int index] => _layers[index];

    /// <summary>Feeds <paramref name="input"/> through every layer in order.</summary>
    /// <example><code>Tensor y = mlp.Forward(TN.Ones(5, 2)); // [5, 1]</code></example>
    public override Tensor Forward(Tensor input)
    {
        Tensor x = input;
        foreach (Module layer in _layers) x = layer.Forward(x);
        return x;
    }
}
