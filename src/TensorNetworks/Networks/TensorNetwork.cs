namespace TensorNetworks;

/// <summary>
/// A tensor network: named cores whose axes carry named legs, and the index from each leg to the
/// cores that carry it. A leg carried by one core is open, by two an edge, by three or more a
/// hyperedge. Contraction goes through einsum (planned once, cached, differentiable).
/// </summary>
/// <example><code>
/// var net = new TensorNetwork();
/// net.Add("A", a, "i", "r");
/// net.Add("B", b, "j", "r");
/// net.Add("C", c, "k", "r");               // "r" is a hyperedge: a CP network
/// Tensor t = net.Contract("i", "j", "k");  // differentiable in a, b and c
/// TensorNetwork env = net.Without("B");     // the environment of B
/// </code></example>
public sealed partial class TensorNetwork
{
    private readonly List<Core> _cores = [];
    private readonly Dictionary<string, Core> _byName = [];
    private readonly Dictionary<string, List<string>> _owners = [];
    private readonly Dictionary<string, int> _sizes = [];

    /// <summary>The cores in insertion order.</summary>
    public IReadOnlyList<Core> Cores => _cores;

    /// <summary>Every leg with its extent and owners, in order of first appearance.</summary>
    public IReadOnlyList<Leg> Legs => [.. _owners.Select(kv => new Leg(kv.Key, _sizes[kv.Key], [.. kv.Value]))];

    /// <summary>Names of the open legs (carried by one core), in order of first appearance.</summary>
    public IReadOnlyList<string> OpenLegs => [.. _owners.Where(kv => kv.Value.Count == 1).Select(kv => kv.Key)];

    /// <summary>The core with this name.</summary>
    /// <exception cref="ArgumentException">When there is no such core.</exception>
    public Core this[string name] => _byName.TryGetValue(name, out var core) ? core
        : throw new ArgumentException($"The network has no core \"{name}\"; its cores are {string.Join(", ", _cores.Select(c => $"\"{c.Name}\""))}.");

    /// <summary>Whether a core with this name exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The extent of a leg.</summary>
    /// <exception cref="ArgumentException">When no core carries the leg.</exception>
    public int SizeOf(string leg) => _sizes.TryGetValue(leg, out int s) ? s
        : throw new ArgumentException($"The network has no leg \"{leg}\"; its legs are {string.Join(", ", _owners.Keys.Select(l => $"\"{l}\""))}.");

    /// <summary>The cores carrying a leg.</summary>
    public IReadOnlyList<string> OwnersOf(string leg) => _owners.TryGetValue(leg, out var o) ? o : throw new ArgumentException($"The network has no leg \"{leg}\".");

    /// <summary>
    /// Adds a core. Axis i of <paramref name="tensor"/> carries <paramref name="legs"/>[i]; a leg name
    /// already in the network joins this core to the cores carrying it, and must have the same extent.
    /// </summary>
    /// <exception cref="ArgumentException">When the name is taken, the leg count differs from the tensor's
    /// order, a leg repeats within the core, or a leg's extent differs from the network's.</exception>
    /// <example><code>net.Add("A1", TN.Randn(gen, 2, 4), "p1", "b1-2");</code></example>
    public Core Add(string name, Tensor tensor, params string[] legs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(legs);
        if (_byName.ContainsKey(name))
            throw new ArgumentException($"Add: the network already has a core \"{name}\"; core names are unique.");
        CheckLegs($"Add {name}", tensor, legs, ignoring: null);
        var core = new Core(name, tensor, (string[])legs.Clone());
        _cores.Add(core);
        _byName[name] = core;
        Index(core);
        return core;
    }

    /// <summary>Removes a core; its legs lose an owner (and disappear when no core carries them).</summary>
    /// <exception cref="ArgumentException">When there is no such core.</exception>
    public void Remove(string name)
    {
        Core core = this[name];
        _cores.Remove(core);
        _byName.Remove(name);
        Unindex(core);
    }

    /// <summary>Replaces a core's tensor (e.g. after an update); the legs and their extents must stay.</summary>
    /// <exception cref="ArgumentException">When the new tensor's shape differs from the core's.</exception>
    public void SetTensor(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Core core = this[name];
        if (!tensor.Shape.Equals(core.Tensor.Shape))
            throw new ArgumentException($"SetTensor {name}: the new tensor has shape {tensor.Shape} but the core's legs ({string.Join(", ", core.Legs)}) have shape {core.Tensor.Shape}.");
        core.Tensor = tensor;
    }

    /// <summary>Renames a leg of one core (a different name detaches it from the cores that share the old one).</summary>
    /// <exception cref="ArgumentException">When the core lacks the leg, already has the new name, or the
    /// new name exists in the network with another extent.</exception>
    public void RenameLeg(string core, string leg, string newName)
    {
        ArgumentException.ThrowIfNullOrEmpty(newName);
        Core c = this[core];
        int axis = c.AxisOf(leg);
        if (leg == newName) return;
        var legs = c.Legs.ToArray();
        legs[axis] = newName;
        CheckLegs($"RenameLeg {core}", c.Tensor, legs, ignoring: c);
        Unindex(c);
        c.Legs = legs;
        Index(c);
    }

    /// <summary>
    /// Joins leg <paramref name="legB"/> of core <paramref name="coreB"/> to leg <paramref name="legA"/> of
    /// <paramref name="coreA"/> (renaming B's leg to <paramref name="legA"/>), making an edge.
    /// </summary>
    /// <exception cref="ArgumentException">When a core or leg is missing or the extents differ; the message
    /// names both legs and both extents.</exception>
    /// <example><code>net.Connect("A", "r", "B", "s"); // B's leg "s" becomes "r"</code></example>
    public void Connect(string coreA, string legA, string coreB, string legB)
    {
        int sa = this[coreA].SizeOf(legA), sb = this[coreB].SizeOf(legB);
        if (sa != sb)
            throw new ArgumentException($"Connect: leg \"{legA}\" of core {coreA} has size {sa} but leg \"{legB}\" of core {coreB} has size {sb}; only legs of equal size can be joined.");
        RenameLeg(coreB, legB, legA);
    }

    /// <summary>A new network with the same cores (sharing their tensors) and legs.</summary>
    public TensorNetwork Copy()
    {
        var copy = new TensorNetwork();
        foreach (var c in _cores) copy.Add(c.Name, c.Tensor, [.. c.Legs]);
        return copy;
    }

    /// <summary>Total number of elements over all cores (the network's parameter count).</summary>
    public long ParameterCount => _cores.Sum(c => (long)c.Tensor.ElementCount);

    private void CheckLegs(string context, Tensor tensor, string[] legs, Core? ignoring)
    {
        if (legs.Length != tensor.Order)
            throw new ArgumentException($"{context}: the tensor has shape {tensor.Shape} ({tensor.Order} axes) but {legs.Length} legs were named ({string.Join(", ", legs)}).");
        for (int i = 0; i < legs.Length; i++)
        {
            if (string.IsNullOrEmpty(legs[i]))
                throw new ArgumentException($"{context}: leg {i} has an empty name.");
            if (Array.IndexOf(legs, legs[i]) != i)
                throw new ArgumentException($"{context}: leg \"{legs[i]}\" names two axes of one core; a core's legs are distinct (take a diagonal or trace explicitly with einsum).");
            if (!_owners.TryGetValue(legs[i], out var owners)) continue;
            Core? other = owners.Select(o => _byName[o]).FirstOrDefault(o => o != ignoring);
            if (other is not null && other.SizeOf(legs[i]) != tensor.Size(i))
                throw new ArgumentException($"{context}: leg \"{legs[i]}\" has size {tensor.Size(i)} here but {other.SizeOf(legs[i])} on core {other.Name}; a leg has one size.");
        }
    }

    private void Index(Core core)
    {
        for (int i = 0; i < core.Legs.Count; i++)
        {
            string leg = core.Legs[i];
            if (!_owners.TryGetValue(leg, out var owners)) _owners[leg] = owners = [];
            owners.Add(core.Name);
            _sizes[leg] = core.Tensor.Size(i);
        }
    }

    private void Unindex(Core core, bool prune = true)
    {
        foreach (string leg in core.Legs) _owners[leg].Remove(core.Name);
        if (prune) PruneLegs();
    }

    private void PruneLegs()
    {
        foreach (string leg in _owners.Where(kv => kv.Value.Count == 0).Select(kv => kv.Key).ToList())
        {
            _owners.Remove(leg);
            _sizes.Remove(leg);
        }
    }

    /// <summary>
    /// Replaces cores <paramref name="removed"/> by <paramref name="added"/> at the position of the first
    /// removed core, keeping the order of every surviving core and leg (so default output legs keep
    /// their order). Leg extents may change where all carriers are replaced together.
    /// </summary>
    internal void Rewire(string[] removed, (string Name, Tensor Tensor, string[] Legs)[] added, string context)
    {
        Core[] old = [.. removed.Select(n => this[n])];
        int position = old.Min(_cores.IndexOf);
        foreach (Core c in old) Unindex(c, prune: false);
        foreach (Core c in old)
        {
            _cores.Remove(c);
            _byName.Remove(c.Name);
        }
        try
        {
            var staged = new List<Core>();
            foreach (var (name, tensor, legs) in added)
            {
                if (_byName.ContainsKey(name) || staged.Any(s => s.Name == name))
                    throw new ArgumentException($"{context}: the network already has a core \"{name}\".");
                foreach (var s in staged)
                    for (int i = 0; i < legs.Length; i++)
                        if (s.Legs.Contains(legs[i]) && s.SizeOf(legs[i]) != tensor.Size(i))
                            throw new ArgumentException($"{context}: leg \"{legs[i]}\" has size {tensor.Size(i)} on {name} but {s.SizeOf(legs[i])} on {s.Name}.");
                CheckLegs($"{context} {name}", tensor, legs, ignoring: null);
                staged.Add(new Core(name, tensor, (string[])legs.Clone()));
            }
            _cores.InsertRange(position, staged);
            foreach (Core c in staged)
            {
                _byName[c.Name] = c;
                Index(c);
            }
            PruneLegs();
        }
        catch
        {
            _cores.InsertRange(position, old);
            foreach (Core c in old)
            {
                _byName[c.Name] = c;
                Index(c);
            }
            throw;
        }
    }
}
