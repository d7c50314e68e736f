namespace TensorNetworks.Training.Schemes;

/// <summary>The cores of an open chain network in order, with the bond leg between each neighbouring pair.</summary>
internal sealed record ChainLayout(string[] Cores, string[] Bonds)
{
    /// <summary>
    /// Orders the cores of <paramref name="network"/> along the chain they form: every leg is owned by one
    /// core (open) or two (a bond), neighbours share exactly one bond, and the bonds form a path.
    /// </summary>
    /// <exception cref="ArgumentException">When the network is not an open chain; the message says why.</exception>
    public static ChainLayout Of(TensorNetwork network, string context)
    {
        var cores = network.Cores.Select(c => c.Name).ToArray();
        if (cores.Length < 2)
            throw new ArgumentException($"{context}: a sweep needs a chain of at least 2 cores, the network has {cores.Length}.");
        var neighbours = cores.ToDictionary(c => c, _ => new List<(string Core, string Leg)>());
        foreach (Leg leg in network.Legs)
        {
            if (leg.Owners.Count > 2)
                throw new ArgumentException($"{context}: leg \"{leg.Name}\" joins {leg.Owners.Count} cores ({string.Join(", ", leg.Owners)}); a sweep needs an open chain without hyperedges.");
            if (leg.Owners.Count == 2)
            {
                neighbours[leg.Owners[0]].Add((leg.Owners[1], leg.Name));
                neighbours[leg.Owners[1]].Add((leg.Owners[0], leg.Name));
            }
        }
        foreach (var (core, list) in neighbours)
        {
            if (list.Count > 2 || list.Select(n => n.Core).Distinct().Count() != list.Count)
                throw new ArgumentException($"{context}: core {core} has bonds {string.Join(", ", list.Select(n => $"\"{n.Leg}\" to {n.Core}"))}; in a chain each core has at most two bonds, to different neighbours.");
        }
        string[] ends = [.. neighbours.Where(kv => kv.Value.Count == 1).Select(kv => kv.Key)];
        if (ends.Length != 2)
            throw new ArgumentException($"{context}: the network is not an open chain (found {ends.Length} chain ends; a tensor ring or a tree cannot be swept).");
        string start = Array.IndexOf(cores, ends[0]) <= Array.IndexOf(cores, ends[1]) ? ends[0] : ends[1];
        var order = new List<string> { start };
        var bonds = new List<string>();
        string? previous = null;
        string current = start;
        while (true)
        {
            var next = neighbours[current].Where(n => n.Core != previous).ToList();
            if (next.Count == 0) break;
            bonds.Add(next[0].Leg);
            previous = current;
            current = next[0].Core;
            order.Add(current);
        }
        if (order.Count != cores.Length)
            throw new ArgumentException($"{context}: the chain from {start} reaches {order.Count} of the {cores.Length} cores; the network is not connected.");
        return new ChainLayout([.. order], [.. bonds]);
    }
}
