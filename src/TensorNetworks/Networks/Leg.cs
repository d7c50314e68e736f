namespace TensorNetworks;

/// <summary>What a leg joins, by the number of cores that carry it.</summary>
public enum LegKind
{
    /// <summary>Carried by one core: an index of the contracted network.</summary>
    Open,

    /// <summary>Carried by two cores: summed when both are contracted.</summary>
    Edge,

    /// <summary>Carried by three or more cores (e.g. CP's rank leg): summed over all of them at once.</summary>
    Hyperedge,
}

/// <summary>A leg of a network: its name, extent and the cores that carry it, in the order of <see cref="TensorNetwork.Cores"/>.</summary>
/// <param name="Name">The leg's name.</param>
/// <param name="Size">The leg's extent, the same on every core.</param>
/// <param name="Owners">Names of the cores that carry the leg.</param>
public sealed record Leg(string Name, int Size, IReadOnlyList<string> Owners)
{
    /// <summary>Open, edge or hyperedge, from the number of owners.</summary>
    public LegKind Kind => Owners.Count switch
    {
        1 => LegKind.Open,
        2 => LegKind.Edge,
        _ => LegKind.Hyperedge,
    };
}
