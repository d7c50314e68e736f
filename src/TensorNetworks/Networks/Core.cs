namespace TensorNetworks;

/// <summary>
/// One node of a <see cref="TensorNetwork"/>: a named tensor with one leg name per axis. Legs are the
/// identity of axes: two cores that carry the same leg name are joined by that leg.
/// </summary>
/// <example><code>
/// var net = new TensorNetwork();
/// Core a = net.Add("A", TN.Ones(2, 3), "i", "j");
/// Console.WriteLine(a); // A[i=2, j=3]
/// </code></example>
public sealed class Core
{
    internal Core(string name, Tensor tensor, string[] legs)
    {
        Name = name;
        Tensor = tensor;
        Legs = legs;
    }

    /// <summary>The core's name, unique in its network.</summary>
    public string Name { get; }

    /// <summary>The core's tensor; axis i carries leg <see cref="Legs"/>[i].</summary>
    public Tensor Tensor { get; internal set; }

    /// <summary>The leg names, one per axis, distinct within the core.</summary>
    public IReadOnlyList<string> Legs { get; internal set; }

    /// <summary>The extent of one of this core's legs.</summary>
    /// <exception cref="ArgumentException">When the core has no such leg.</exception>
    public int SizeOf(string leg)
    {
        int axis = AxisOf(leg);
        return Tensor.Size(axis);
    }

    internal int AxisOf(string leg)
    {
        for (int i = 0; i < Legs.Count; i++)
            if (Legs[i] == leg) return i;
        throw new ArgumentException($"Core {Name} has no leg \"{leg}\"; its legs are {string.Join(", ", Legs.Select(l => $"\"{l}\""))}.");
    }

    /// <summary>Formats as <c>Name[leg=size, ...]</c>.</summary>
    public override string ToString() => $"{Name}[{string.Join(", ", Legs.Select((l, i) => $"{l}={Tensor.Size(i)}"))}]";
}
