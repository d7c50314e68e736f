namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>A copy of the network without one core: contracting it gives that core's environment.</summary>
    /// <exception cref="ArgumentException">When there is no such core.</exception>
    /// <example><code>TensorNetwork env = mps.Without("A2");</code></example>
    public TensorNetwork Without(string core)
    {
        _ = this[core];
        var copy = new TensorNetwork();
        foreach (var c in _cores)
            if (c.Name != core) copy.Add(c.Name, c.Tensor, [.. c.Legs]);
        return copy;
    }

    /// <summary>
    /// The gradient of ⟨Y, W⟩ with respect to core G's tensor, where W = Contract(<paramref name="upstreamLegs"/>)
    /// and Y = <paramref name="upstream"/>: since W is linear in G, the gradient is the contraction of the
    /// network without G with Y, over G's legs in G's axis order (the "delete a core" rule). G's open legs
    /// that the contraction sums (not in <paramref name="upstreamLegs"/>) get a constant broadcast.
    /// </summary>
    /// <exception cref="ArgumentException">When the core is missing, or <paramref name="upstream"/>'s shape does
    /// not match the sizes of <paramref name="upstreamLegs"/>.</exception>
    /// <example><code>
    /// Tensor w = net.Contract("i", "j", "k");
    /// Tensor gradB = net.EnvironmentGradient("B", y, "i", "j", "k"); // = d⟨y, w⟩/dB
    /// </code></example>
    public Tensor EnvironmentGradient(string core, Tensor upstream, params string[] upstreamLegs)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(upstreamLegs);
        Core g = this[core];
        if (upstreamLegs.Length != upstream.Order)
            throw new ArgumentException($"EnvironmentGradient: the upstream tensor has shape {upstream.Shape} but {upstreamLegs.Length} legs were named.");
        for (int i = 0; i < upstreamLegs.Length; i++)
        {
            if (SizeOf(upstreamLegs[i]) != upstream.Size(i))
                throw new ArgumentException($"EnvironmentGradient: leg \"{upstreamLegs[i]}\" has size {SizeOf(upstreamLegs[i])} but the upstream tensor's axis {i} has {upstream.Size(i)}.");
        }
        TensorNetwork env = Without(core);
        const string upstreamName = "\u0000upstream";
        env.Add(upstreamName, upstream, upstreamLegs);
        foreach (string leg in g.Legs)
        {
            if (!env._owners.ContainsKey(leg))
                env.Add("\u0000ones:" + leg, TN.Ones(upstream.DType, g.SizeOf(leg)), leg);
        }
        return g.Legs.Count == 0 ? env.ContractToScalar() : env.Contract([.. g.Legs]);
    }

    /// <summary>
    /// The gradient of ⟨Y, W⟩ with respect to a tensor that several cores share (a uniform MPS, a
    /// weight-tied layer): the sum of <see cref="EnvironmentGradient(string, Tensor, string[])"/> over every
    /// core holding <paramref name="shared"/> — the product rule applied to k deletions.
    /// </summary>
    /// <exception cref="ArgumentException">When no core holds the tensor.</exception>
    public Tensor EnvironmentGradient(Tensor shared, Tensor upstream, params string[] upstreamLegs)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Core[] holders = [.. _cores.Where(c => ReferenceEquals(c.Tensor, shared))];
        if (holders.Length == 0)
            throw new ArgumentException($"EnvironmentGradient: no core holds the given tensor of shape {shared.Shape}.");
        Tensor total = EnvironmentGradient(holders[0].Name, upstream, upstreamLegs);
        for (int i = 1; i < holders.Length; i++) total += EnvironmentGradient(holders[i].Name, upstream, upstreamLegs);
        return total;
    }
}
