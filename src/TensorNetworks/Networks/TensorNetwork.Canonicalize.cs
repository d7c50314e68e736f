namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>
    /// Brings a chain of cores into mixed canonical form around <paramref name="center"/> by QR sweeps:
    /// each core left of the center becomes left-orthonormal (contracting it with itself over every leg
    /// but its right bond gives the identity), each core right of it right-orthonormal, and the norm
    /// moves into the center core. The contracted network is unchanged; bond extents may shrink to the
    /// rank QR reveals. Every core keeps its legs in their order and its place in <see cref="Cores"/>.
    /// The cores become new leaves (QR is not differentiated).
    /// </summary>
    /// <param name="chain">Core names in chain order; consecutive cores share exactly one leg.</param>
    /// <param name="center">Index in <paramref name="chain"/> of the orthogonality center.</param>
    /// <exception cref="ArgumentException">When a core is missing or listed twice, consecutive cores do not share
    /// exactly one leg, or the center is out of range.</exception>
    /// <example><code>mps.Canonicalize(["A0", "A1", "A2", "A3"], center: 0); // right-canonical</code></example>
    public void Canonicalize(IReadOnlyList<string> chain, int center)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if ((uint)center >= (uint)chain.Count)
            throw new ArgumentException($"Canonicalize: center {center} is out of range for a chain of {chain.Count} cores.");
        string[] bonds = ChainBonds(chain);
        using (TN.NoGrad())
        {
            for (int i = 0; i < center; i++) MoveOrthogonality(chain[i], chain[i + 1], bonds[i]);
            for (int i = chain.Count - 1; i > center; i--) MoveOrthogonality(chain[i], chain[i - 1], bonds[i - 1]);
        }
    }

    /// <summary>The single leg shared by each pair of consecutive cores.</summary>
    internal string[] ChainBonds(IReadOnlyList<string> chain)
    {
        string? repeated = chain.GroupBy(name => name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
            throw new ArgumentException($"Not a chain: core {repeated} appears more than once in [{string.Join(", ", chain)}]; list each core once.");
        var bonds = new string[Math.Max(0, chain.Count - 1)];
        for (int i = 0; i + 1 < chain.Count; i++)
        {
            Core a = this[chain[i]], b = this[chain[i + 1]];
            string[] shared = [.. a.Legs.Where(b.Legs.Contains)];
            if (shared.Length != 1)
                throw new ArgumentException($"Not a chain: cores {a.Name} and {b.Name} share {shared.Length} legs ({string.Join(", ", shared)}); consecutive chain cores share exactly one.");
            bonds[i] = shared[0];
        }
        return bonds;
    }

    /// <summary>
    /// QR of <paramref name="from"/> over all legs but <paramref name="bond"/>; R moves into <paramref name="to"/>.
    /// Both cores keep their leg order (Q is permuted back), and the bond's extent becomes min(outer, bond).
    /// </summary>
    private void MoveOrthogonality(string from, string to, string bond)
    {
        Core f = this[from], t = this[to];
        string[] outer = [.. f.Legs.Where(l => l != bond)];
        int[] outerDims = [.. outer.Select(f.SizeOf)];
        int[] perm = [.. outer.Select(f.AxisOf), f.AxisOf(bond)];
        Tensor matrix = f.Tensor.Permute(perm).Reshape(Shape.ElementCountOf(outerDims), f.SizeOf(bond));
        var qr = TN.Linalg.Qr(matrix);
        int k = qr.Q.Size(1);
        Tensor q = qr.Q.Reshape([.. outerDims, k]).Permute(Inverse(perm));
        int tb = t.AxisOf(bond);
        int[] tPerm = [tb, .. Enumerable.Range(0, t.Legs.Count).Where(a => a != tb)];
        int[] rest = [.. tPerm.Skip(1).Select(a => t.Tensor.Size(a))];
        Tensor moved = TN.MatMul(qr.R, t.Tensor.Permute(tPerm).Reshape(t.SizeOf(bond), -1)).Reshape([k, .. rest]);
        Tensor newT = moved.Permute(Inverse(tPerm));
        Rewire([from, to], [(from, Leaf(q, f.Tensor), [.. f.Legs]), (to, Leaf(newT, t.Tensor), [.. t.Legs])], "Canonicalize");
    }

    /// <summary>The permutation that undoes <paramref name="perm"/>: inverse[perm[i]] = i.</summary>
    private static int[] Inverse(int[] perm)
    {
        var inverse = new int[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        return inverse;
    }

    /// <summary>A fresh leaf that requires a gradient exactly when <paramref name="previous"/> did.</summary>
    internal static Tensor Leaf(Tensor value, Tensor previous)
    {
        Tensor leaf = value.Detach();
        leaf.RequiresGrad = previous.RequiresGrad;
        return leaf;
    }
}
