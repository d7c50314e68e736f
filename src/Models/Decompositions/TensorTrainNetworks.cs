namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Conversion between the chain formats and <see cref="TensorNetwork"/>s in <see cref="NetworkBuilder"/>'s
/// conventions: cores <c>A{k}</c>, physical legs <c>p{k}</c>, TT-matrix output legs <c>q{k}</c>, bonds
/// <c>b{i}-{i+1}</c> (in a ring, <c>b{N-1}-0</c> closes the chain). A train's boundary bonds of extent 1 are
/// dropped, as <see cref="NetworkBuilder.TensorTrain(Generator, int[], int[], DType, double)"/> does.
/// </summary>
internal static class TensorTrainNetworks
{
    /// <summary>The bond legs of site k in a chain of n sites: null where a train has no bond.</summary>
    public static (string? Left, string? Right) Bonds(int k, int n, bool ring) => ring
        ? ($"b{(k + n - 1) % n}-{k}", $"b{k}-{(k + 1) % n}")
        : (k > 0 ? NetworkBuilder.Bond(k - 1) : null, k < n - 1 ? NetworkBuilder.Bond(k) : null);

    /// <summary>
    /// Builds the network of a chain whose core k has axes (left rank, <paramref name="siteLegs"/>(k)...,
    /// right rank); missing train bonds are dropped (their extent is 1).
    /// </summary>
    public static TensorNetwork Build(IReadOnlyList<Tensor> cores, bool ring, Func<int, string[]> siteLegs)
    {
        var net = new TensorNetwork();
        int n = cores.Count;
        for (int k = 0; k < n; k++)
        {
            var (left, right) = Bonds(k, n, ring);
            string[] middle = siteLegs(k);
            Tensor core = cores[k];
            int[] dims = core.Shape.ToArray();
            var legs = new List<string>();
            var kept = new List<int>();
            if (left is not null) { legs.Add(left); kept.Add(dims[0]); }
            legs.AddRange(middle);
            kept.AddRange(dims[1..^1]);
            if (right is not null) { legs.Add(right); kept.Add(dims[^1]); }
            net.Add($"A{k}", core.Reshape([.. kept]), [.. legs]);
        }
        return net;
    }

    /// <summary>
    /// Reads the cores A0..A{N-1} of a chain network, each permuted to (left bond, <paramref name="siteLegs"/>(k)...,
    /// right bond) by leg name; a train's missing boundary bond becomes an axis of extent 1.
    /// </summary>
    /// <exception cref="ArgumentException">When the network has cores other than A0..A{N-1}, or a core lacks a
    /// conventional leg or carries an extra one; the message names the core and its legs.</exception>
    public static Tensor[] Read(string context, TensorNetwork network, bool ring, Func<int, string[]> siteLegs)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.Cores.Count;
        if (n == 0) throw new ArgumentException($"{context}: the network has no cores.", nameof(network));
        var cores = new Tensor[n];
        for (int k = 0; k < n; k++)
        {
            if (!network.Contains($"A{k}"))
                throw new ArgumentException($"{context}: expected cores A0..A{n - 1} (NetworkBuilder's names) but there is no A{k}; the cores are {string.Join(", ", network.Cores.Select(c => c.Name))}.", nameof(network));
            Core core = network[$"A{k}"];
            var (left, right) = Bonds(k, n, ring);
            string[] wanted = [.. new[] { left }.Concat(siteLegs(k)).Append(right).OfType<string>()];
            if (core.Legs.Count != wanted.Length || wanted.Any(l => !core.Legs.Contains(l)))
                throw new ArgumentException($"{context}: core A{k} has legs ({string.Join(", ", core.Legs)}) but a chain of {n} sites needs ({string.Join(", ", wanted)}).", nameof(network));
            Tensor t = core.Tensor.Permute([.. wanted.Select(l => core.Legs.ToList().IndexOf(l))]);
            int[] dims = t.Shape.ToArray();
            int[] full = [.. (left is null ? new[] { 1 } : []), .. dims, .. (right is null ? new[] { 1 } : [])];
            cores[k] = t.Reshape(full);
        }
        return cores;
    }
}
