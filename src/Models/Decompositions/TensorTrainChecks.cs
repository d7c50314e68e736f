namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Validation shared by the chain formats (<see cref="TensorTrain"/>, <see cref="TtMatrix"/>,
/// <see cref="TensorRing"/>) and their algorithms. Every message states the rule and shows the values.
/// </summary>
internal static class TensorTrainChecks
{
    /// <summary>
    /// Checks a chain of cores: each of order <paramref name="coreOrder"/> (ranks on the first and last axis),
    /// one dtype, every extent at least 1, core k's right rank equal to core k+1's left rank, and the
    /// boundary: r_0 = r_N = 1 for a train, r_N = r_0 for a ring (<paramref name="ring"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When any rule is broken; the message names the core, the ranks and all core shapes.</exception>
    public static Tensor[] Chain(string context, IReadOnlyList<Tensor> cores, int coreOrder, bool ring)
    {
        ArgumentNullException.ThrowIfNull(cores);
        if (cores.Count == 0) throw new ArgumentException($"{context}: at least one core is needed, got none.", nameof(cores));
        if (ring && cores.Count < 2) throw new ArgumentException($"{context}: a ring needs at least 2 cores, got {cores.Count}.", nameof(cores));
        Tensor[] chain = [.. cores];
        for (int k = 0; k < chain.Length; k++)
        {
            Tensor core = chain[k] ?? throw new ArgumentNullException(nameof(cores), $"{context}: core {k} is null.");
            if (core.Order != coreOrder)
                throw new ArgumentException($"{context}: core {k} has shape {core.Shape} ({core.Order} axes) but every core needs {coreOrder} axes ({Layout(coreOrder)}).", nameof(cores));
            if (core.DType != chain[0].DType)
                throw new ArgumentException($"{context}: core {k} is {core.DType} but core 0 is {chain[0].DType}; all cores share one dtype.", nameof(cores));
            for (int a = 0; a < coreOrder; a++)
                if (core.Size(a) < 1)
                    throw new ArgumentException($"{context}: core {k} has shape {core.Shape}; ranks and mode sizes must be at least 1 (core shapes: {Shapes(chain)}).", nameof(cores));
        }
        for (int k = 0; k + 1 < chain.Length; k++)
        {
            int right = chain[k].Size(-1), left = chain[k + 1].Size(0);
            if (right != left)
                throw new ArgumentException($"{context}: core {k} has right rank {right} but core {k + 1} has left rank {left}; adjacent ranks must match (core shapes: {Shapes(chain)}).", nameof(cores));
        }
        int first = chain[0].Size(0), last = chain[^1].Size(-1);
        if (ring && first != last)
            throw new ArgumentException($"{context}: the last core (core {chain.Length - 1}) has right rank {last} but core 0 has left rank {first}; a ring closes with r_N = r_0 (core shapes: {Shapes(chain)}).", nameof(cores));
        if (!ring && (first != 1 || last != 1))
            throw new ArgumentException($"{context}: the boundary ranks are r_0 = {first} and r_N = {last}, but a tensor train needs r_0 = r_N = 1 (for boundary ranks above 1 use TensorRing; core shapes: {Shapes(chain)}).", nameof(cores));
        return chain;
    }

    /// <summary>Checks a full rank list r_0..r_N (length N+1, each at least 1) and, for a train, r_0 = r_N = 1; for a ring, r_0 = r_N.</summary>
    /// <exception cref="ArgumentException">When the length or a boundary is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1.</exception>
    public static int[] Ranks(string context, IReadOnlyList<int> ranks, int order, bool ring)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count != order + 1)
            throw new ArgumentException($"{context}: {order} modes need {order + 1} ranks r_0..r_{order}, got {ranks.Count}: [{string.Join(", ", ranks)}].", nameof(ranks));
        RankValidation.Positive(context, nameof(ranks), ranks);
        if (!ring && (ranks[0] != 1 || ranks[^1] != 1))
            throw new ArgumentException($"{context}: the boundary ranks of a tensor train must be 1, got r_0 = {ranks[0]} and r_{order} = {ranks[^1]} in [{string.Join(", ", ranks)}].", nameof(ranks));
        if (ring && ranks[0] != ranks[^1])
            throw new ArgumentException($"{context}: a ring closes with r_{order} = r_0, got r_0 = {ranks[0]} and r_{order} = {ranks[^1]} in [{string.Join(", ", ranks)}].", nameof(ranks));
        return [.. ranks];
    }

    /// <summary>The sides of each bond's unfolding of a train of these modes: (Π_{j&lt;k} n_j, Π_{j≥k} n_j) at index k for
    /// k = 1..N−1 (index 0 unused), in double so that long trains do not overflow; r_k ≤ the smaller side.</summary>
    public static (double Left, double Right)[] UnfoldingSides(IReadOnlyList<int> modes)
    {
        var sides = new (double Left, double Right)[modes.Count];
        double left = 1;
        for (int k = 1; k < modes.Count; k++)
        {
            left *= modes[k - 1];
            sides[k] = (left, modes.Skip(k).Aggregate(1.0, (p, n) => p * n));
        }
        return sides;
    }

    /// <summary>Throws unless every rank r_k of a train is at most what its unfoldings allow, min(Π_{j&lt;k} n_j, Π_{j≥k} n_j)
    /// (the caps <see cref="TtSvdTruncation.Caps"/> clamps to).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a rank exceeds its limit; the message gives the limit.</exception>
    public static void RanksWithinUnfoldings(string context, IReadOnlyList<int> ranks, IReadOnlyList<int> modes)
    {
        var sides = UnfoldingSides(modes);
        for (int k = 1; k < modes.Count; k++)
        {
            var (left, right) = sides[k];
            double limit = Math.Min(left, right);
            if (ranks[k] > limit)
                throw new ArgumentOutOfRangeException(nameof(ranks), ranks[k], $"{context}: ranks[{k}] = {ranks[k]} exceeds {limit}, the smaller side of the unfolding at bond {k} of modes [{string.Join(", ", modes)}] ({left} × {right}); a train of these modes has r_{k} ≤ {limit} (ranks [{string.Join(", ", ranks)}]).");
        }
    }

    /// <summary>Checks mode sizes: at least one, each at least 1.</summary>
    /// <exception cref="ArgumentException">When empty or a size is below 1.</exception>
    public static int[] Modes(string context, string name, IReadOnlyList<int> modes)
    {
        ArgumentNullException.ThrowIfNull(modes, name);
        if (modes.Count == 0) throw new ArgumentException($"{context}: {name} needs at least one mode size.", name);
        for (int i = 0; i < modes.Count; i++)
            if (modes[i] < 1)
                throw new ArgumentException($"{context}: {name}[{i}] = {modes[i]}; mode sizes must be at least 1 (all: [{string.Join(", ", modes)}]).", name);
        return [.. modes];
    }

    /// <summary>Throws unless both operands have the same dtype and the same mode sizes.</summary>
    /// <exception cref="ArgumentException">When the dtypes or mode sizes differ.</exception>
    public static void SameModes(string context, DType a, IReadOnlyList<int> aModes, DType b, IReadOnlyList<int> bModes)
    {
        if (a != b)
            throw new ArgumentException($"{context}: the operands are {a} and {b}; convert one so the dtypes match.");
        if (!aModes.SequenceEqual(bModes))
            throw new ArgumentException($"{context}: the mode sizes differ, [{string.Join(", ", aModes)}] vs [{string.Join(", ", bModes)}]; both operands need the same mode sizes.");
    }

    /// <summary>Splits a row-major flat index over <paramref name="modes"/> into one index per mode.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the flat index is outside [0, Π modes).</exception>
    public static int[] Unravel(string context, long flat, IReadOnlyList<int> modes)
    {
        long total = modes.Aggregate(1L, (p, m) => p * m);
        if (flat < 0 || flat >= total)
            throw new ArgumentOutOfRangeException(nameof(flat), flat, $"{context}: index {flat} is outside [0, {total}) for modes [{string.Join(", ", modes)}].");
        var index = new int[modes.Count];
        for (int k = modes.Count - 1; k >= 0; k--)
        {
            index[k] = (int)(flat % modes[k]);
            flat /= modes[k];
        }
        return index;
    }

    /// <summary>Checks one multi-index against the mode sizes.</summary>
    /// <exception cref="ArgumentException">When the count or a value is out of range.</exception>
    public static void Index(string context, IReadOnlyList<int> index, IReadOnlyList<int> modes)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Count != modes.Count)
            throw new ArgumentException($"{context}: index [{string.Join(", ", index)}] has {index.Count} entries but there are {modes.Count} modes [{string.Join(", ", modes)}].");
        for (int k = 0; k < index.Count; k++)
            if (index[k] < 0 || index[k] >= modes[k])
                throw new ArgumentException($"{context}: index {index[k]} at mode {k} is outside [0, {modes[k]}) (index [{string.Join(", ", index)}], modes [{string.Join(", ", modes)}]).");
    }

    /// <summary>The shapes of all cores, for messages.</summary>
    public static string Shapes(IReadOnlyList<Tensor> cores) => string.Join(", ", cores.Select(c => c.Shape.ToString()));

    private static string Layout(int order) => order == 4 ? "r_{k-1} × m_k × n_k × r_k" : "r_{k-1} × n_k × r_k";
}
