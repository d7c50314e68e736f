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
    private readonly OrderedDictionary<string, List<string>> _owners = [];
    private readonly Dictionary<string, int> _sizes = [];

    /// <summary>
    /// The cores in insertion order. Operations that replace cores keep it: a core that keeps its name
    /// keeps its place, and new cores take the place of the cores they replace.
    /// </summary>
    public IReadOnlyList<Core> Cores => _cores;

    /// <summary>
    /// Every leg with its extent and owners (in the order of <see cref="Cores"/>), legs in order of first
    /// appearance: a leg keeps its place while some core carries it, and a new leg comes last.
    /// </summary>
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

    /// <summary>The cores carrying a leg, in the order of <see cref="Cores"/>.</summary>
    public IReadOnlyList<string> OwnersOf(string leg) => _owners.TryGetValue(leg, out var o) ? o : throw new ArgumentException($"The network has no leg \"{leg}\".");

    /// <summary>
    /// Adds a core. Axis i of <paramref name="tensor"/> carries <paramref name="legs"/>[i]; a leg name
    /// already in the network joins this core to the cores carrying it, and must have the same extent.
    /// </summary>
    /// <exception cref="ArgumentException">When the name is taken, the leg count differs from the tensor's
    /// order, a leg repeats within the core, a leg's extent differs from the network's, or the tensor's dtype
    /// from the other cores'.</exception>
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
    /// <exception cref="ArgumentException">When the new tensor's shape differs from the core's, or its dtype from the other cores'.</exception>
    public void SetTensor(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Core core = this[name];
        if (!tensor.Shape.Equals(core.Tensor.Shape))
            throw new ArgumentException($"SetTensor {name}: the new tensor has shape {tensor.Shape} but the core's legs ({string.Join(", ", core.Legs)}) have shape {core.Tensor.Shape}.");
        CheckDType($"SetTensor {name}", tensor, ignoring: core);
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
        Unindex(c, prune: false);
        if (_owners[leg].Count == 0 && !_owners.ContainsKey(newName))
        {
            // The leg had no other owner and the name is new: it keeps its place in the order of legs.
            int place = _owners.IndexOf(leg);
            _owners.RemoveAt(place);
            _owners.Insert(place, newName, []);
            _sizes.Remove(leg);
        }
        c.Legs = legs;
        Index(c);
        PruneLegs();
    }

    /// <summary>
    /// Joins leg <paramref name="legB"/> of core <paramref name="coreB"/> to leg <paramref name="legA"/> of
    /// <paramref name="coreA"/> (renaming B's leg to <paramref name="legA"/>), making an edge between two
    /// legs that are open. It never makes a hyperedge or cuts an edge: to join three or more cores by one
    /// leg, give them the same leg name in <see cref="Add"/> (as <see cref="NetworkBuilder.Cp"/> does), or
    /// rename a leg with <see cref="RenameLeg"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When a core or leg is missing, the extents differ (the message names
    /// both legs and both extents), or either leg is already shared with another core (the message names
    /// the leg's owners).</exception>
    /// <example><code>net.Connect("A", "r", "B", "s"); // B's leg "s" becomes "r"; A–B is an edge</code></example>
    public void Connect(string coreA, string legA, string coreB, string legB)
    {
        int sa = this[coreA].SizeOf(legA), sb = this[coreB].SizeOf(legB);
        if (sa != sb)
            throw new ArgumentException($"Connect: leg \"{legA}\" of core {coreA} has size {sa} but leg \"{legB}\" of core {coreB} has size {sb}; only legs of equal size can be joined.");
        string? refusal = ConnectRefusal(coreA, legA, coreB, legB);
        if (refusal is not null) throw new ArgumentException(refusal);
        RenameLeg(coreB, legB, legA);
    }

    /// <summary>
    /// Why <see cref="Connect"/> must not join the two legs, or null when both are open: joining a shared
    /// leg of A would make a hyperedge, and renaming a shared leg of B would cut B's edge.
    /// </summary>
    private string? ConnectRefusal(string coreA, string legA, string coreB, string legB)
    {
        IReadOnlyList<string> ownersA = OwnersOf(legA), ownersB = OwnersOf(legB);
        if (legA == legB)
            return $"Connect: leg \"{legA}\" already joins cores {string.Join(", ", ownersA)}; there is nothing to connect.";
        string rule = $"Connect joins leg \"{legA}\" of core {coreA} to leg \"{legB}\" of core {coreB} only when both legs are open, making an edge.";
        string hyperedge = $"For a hyperedge, give every core the shared leg name when adding it (Add(\"{coreB}\", tensor, ..., \"{legA}\"))";
        if (ownersA.Count > 1)
            return $"Connect: leg \"{legA}\" of core {coreA} is already shared by cores {string.Join(", ", ownersA)}, so joining core {coreB} would make it a hyperedge. {rule} "
                + $"{hyperedge}, or rename the leg with RenameLeg(\"{coreB}\", \"{legB}\", \"{legA}\").";
        if (ownersB.Count > 1)
            return $"Connect: leg \"{legB}\" of core {coreB} is already shared by cores {string.Join(", ", ownersB)}, so renaming it would cut its edge to {string.Join(", ", ownersB.Where(o => o != coreB))}. {rule} "
                + $"To move the leg off that edge anyway, use RenameLeg(\"{coreB}\", \"{legB}\", \"{legA}\"). {hyperedge}.";
        return null;
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
        CheckDType(context, tensor, ignoring);
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

    /// <summary>A network holds one dtype: a tensor of another than the other cores' (<paramref name="ignoring"/> aside) is refused
    /// here, naming a core it would meet, rather than by the einsum of the first contraction.</summary>
    private void CheckDType(string context, Tensor tensor, Core? ignoring)
    {
        Core? other = _cores.FirstOrDefault(c => c != ignoring && c.Tensor.DType != tensor.DType);
        if (other is not null)
            throw new ArgumentException($"{context}: the tensor is {tensor.DType} but core {other.Name} is {other.Tensor.DType}; a network's cores share one dtype (convert with To(DType.{other.Tensor.DType})).");
    }

    /// <summary>Adds the core as an owner of each of its legs, keeping every leg's owners in the order of the cores.</summary>
    private void Index(Core core)
    {
        int position = ReferenceEquals(_cores[^1], core) ? int.MaxValue : _cores.IndexOf(core);
        for (int i = 0; i < core.Legs.Count; i++)
        {
            string leg = core.Legs[i];
            if (!_owners.TryGetValue(leg, out var owners)) _owners[leg] = owners = [];
            int at = owners.Count;
            while (at > 0 && position != int.MaxValue && _cores.IndexOf(_byName[owners[at - 1]]) > position) at--;
            owners.Insert(at, core.Name);
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
    /// Replaces cores <paramref name="removed"/> by <paramref name="added"/>, keeping the order of every
    /// surviving core and leg (so default output legs keep their order): an added core named like a
    /// removed one takes that core's place, and every other added core follows the added core listed
    /// before it (or, when none is, takes the place of the first removed core). Leg extents may change
    /// where all carriers are replaced together. On an error the network is unchanged.
    /// </summary>
    internal void Rewire(string[] removed, (string Name, Tensor Tensor, string[] Legs)[] added, string context)
    {
        Core[] old = [.. removed.Select(n => this[n])];
        Core[] before = [.. _cores];
        foreach (Core c in old) Unindex(c, prune: false);
        foreach (Core c in old) _byName.Remove(c.Name);
        List<Core> staged;
        try
        {
            staged = Stage(added, context);
        }
        catch
        {
            foreach (Core c in old) _byName[c.Name] = c;
            foreach (Core c in old) Index(c);
            throw;
        }
        _cores.Clear();
        _cores.AddRange(Placed(before, old, staged));
        foreach (Core c in staged) _byName[c.Name] = c;
        foreach (Core c in staged) Index(c);
        PruneLegs();
    }

    /// <summary>The cores to add, checked against the network (without the removed cores) and each other.</summary>
    private List<Core> Stage((string Name, Tensor Tensor, string[] Legs)[] added, string context)
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
        return staged;
    }

    /// <summary>
    /// The order of the cores after <paramref name="old"/> are replaced by <paramref name="staged"/>: each
    /// staged core goes to the place of the removed core of its name, or after the staged core before it.
    /// </summary>
    private static List<Core> Placed(Core[] before, Core[] old, List<Core> staged)
    {
        var places = old.ToDictionary(c => c, _ => new List<Core>());
        List<Core> place = places[before.First(old.Contains)];
        foreach (Core s in staged)
        {
            Core? namesake = Array.Find(old, o => o.Name == s.Name);
            if (namesake is not null) place = places[namesake];
            place.Add(s);
        }
        return [.. before.SelectMany(c => places.TryGetValue(c, out var replacements) ? replacements : [c])];
    }
}
