namespace TensorNetworks.Nn;

/// <summary>
/// A <see cref="TensorNetwork"/> as a trainable module: every core is a <see cref="Nn.Parameter"/> named
/// after the core. <see cref="Network"/> returns the live network with each core's tensor taken from its
/// parameter, so the forward pass of a model contracts exactly the values the optimizer updates, and an
/// update scheme may change bond dimensions by replacing parameter values together.
/// </summary>
/// <example><code>
/// var tt = new NetworkModule(NetworkBuilder.TensorTrain(gen, [2, 2, 2, 2], bondDim: 3));
/// Tensor full = tt.Network.Contract("p0", "p1", "p2", "p3");   // differentiable in every core
/// var adam = new Adam(tt.Parameters(), learningRate: 1e-2);
/// </code></example>
public class NetworkModule : Module
{
    private readonly TensorNetwork _network;
    private readonly List<KeyValuePair<string, Parameter>> _cores = [];

    /// <summary>Wraps <paramref name="network"/>; each of its cores becomes a parameter.</summary>
    /// <exception cref="ArgumentException">When a core name contains '.' (parameter paths use dots).</exception>
    public NetworkModule(TensorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        foreach (Core core in network.Cores)
            _cores.Add(new(core.Name, RegisterParameter(core.Name, core.Tensor)));
    }

    /// <summary>The network, with every core that has a parameter holding that parameter's current value.
    /// Cores added by a scheme (a merged two-site core) keep their own tensors.</summary>
    public TensorNetwork Network
    {
        get
        {
            Dictionary<string, Tensor>? changed = null;
            foreach (var (name, p) in _cores)
                if (_network.Contains(name) && !ReferenceEquals(_network[name].Tensor, p.Value))
                    (changed ??= [])[name] = p.Value;
            if (changed is not null) _network.SetTensors(changed);
            return _network;
        }
    }

    /// <summary>The parameter of core <paramref name="core"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the network had no such core.</exception>
    public Parameter CoreParameter(string core)
    {
        foreach (var (name, p) in _cores)
            if (name == core) return p;
        throw new KeyNotFoundException($"NetworkModule has no core \"{core}\"; its cores are {string.Join(", ", _cores.Select(c => c.Key))}.");
    }
}
