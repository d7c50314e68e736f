namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>
    /// Replaces cores <paramref name="a"/> and <paramref name="b"/> by their contraction: legs joining only
    /// the two are summed; the others (a's first, then b's) stay, hyperedges included. Differentiable.
    /// The merged core takes the place in <see cref="Cores"/> of the core whose name it keeps, else of the earlier one.
    /// </summary>
    /// <exception cref="ArgumentException">When a core is missing, the two names are equal, or the new name is taken.</exception>
    /// <example><code>net.Merge("A1", "A2", "A12"); // a two-site block</code></example>
    public Core Merge(string a, string b, string? mergedName = null)
    {
        if (a == b) throw new ArgumentException($"Merge: cannot merge core \"{a}\" with itself.");
        Core ca = this[a], cb = this[b];
        string name = mergedName ?? a + b;
        if (name != a && name != b && _byName.ContainsKey(name))
            throw new ArgumentException($"Merge: the network already has a core \"{name}\".");
        string[] legs = DefaultOpenLegs([a, b], "Merge");
        legs = [.. ca.Legs.Where(legs.Contains), .. cb.Legs.Where(l => legs.Contains(l) && !ca.Legs.Contains(l))];
        Tensor merged = ContractCores([a, b], legs);
        Rewire([a, b], [(name, merged, legs)], "Merge");
        return this[name];
    }

    /// <summary>
    /// Factorizes a core by truncated SVD into a left core over <paramref name="leftLegs"/> plus a new bond
    /// and a right core over the bond plus <paramref name="rightLegs"/>: A ≈ U_r·S_r·V_rᵀ with r chosen by
    /// <see cref="SplitOptions.MaxRank"/> and <see cref="SplitOptions.Cutoff"/>. The new cores are leaves
    /// (SVD is not differentiated) that require a gradient when the old core did. They take the split
    /// core's place in <see cref="Cores"/>, left then right.
    /// </summary>
    /// <exception cref="ArgumentException">When the legs do not partition the core's legs, a name is taken,
    /// or an option is out of range.</exception>
    /// <example><code>
    /// SplitReport r = net.Split("A12", ["b0-1", "p1"], ["p2", "b2-3"], new SplitOptions(MaxRank: 8, Absorb: Absorb.Right));
    /// Console.WriteLine($"kept {r.KeptRank}, discarded {r.DiscardedWeight:E2}");
    /// </code></example>
    public SplitReport Split(string core, string[] leftLegs, string[] rightLegs, SplitOptions? options = null)
    {
        options ??= SplitOptions.Default;
        Core c = this[core];
        CheckPartition(c, leftLegs, rightLegs);
        if (options.MaxRank is <= 0) throw new ArgumentException($"Split: MaxRank must be positive, got {options.MaxRank}.");
        if (options.Cutoff is < 0 or >= 1 || double.IsNaN(options.Cutoff)) throw new ArgumentException($"Split: Cutoff must be in [0, 1), got {options.Cutoff}.");
        string bond = options.BondName ?? core + "-bond";
        string leftName = options.LeftName ?? core + "L", rightName = options.RightName ?? core + "R";
        if (_owners.ContainsKey(bond)) throw new ArgumentException($"Split: leg \"{bond}\" already exists; choose another BondName.");
        foreach (string n in new[] { leftName, rightName })
            if (n != core && _byName.ContainsKey(n)) throw new ArgumentException($"Split: the network already has a core \"{n}\".");

        int[] leftDims = [.. leftLegs.Select(c.SizeOf)], rightDims = [.. rightLegs.Select(c.SizeOf)];
        Tensor left, right;
        int rank;
        double discarded;
        double[] singular;
        using (TN.NoGrad())
        {
            int[] perm = [.. leftLegs.Concat(rightLegs).Select(c.AxisOf)];
            Tensor matrix = c.Tensor.Permute(perm).Reshape(Shape.ElementCountOf(leftDims), Shape.ElementCountOf(rightDims));
            var svd = TN.Linalg.Svd(matrix);
            singular = svd.S.ToArray<double>();
            double noise = Truncation.NoiseFloor(singular.Length > 0 ? singular[0] : 0, matrix.Size(0), matrix.Size(1), matrix.DType);
            (rank, discarded) = Truncation.Rank(singular, options.MaxRank, options.Cutoff, noise);
            Tensor u = svd.U.Narrow(1, 0, rank), s = svd.S.Narrow(0, 0, rank), vt = svd.Vt.Narrow(0, 0, rank);
            Tensor sLeft = options.Absorb switch { Absorb.Left => s, Absorb.Right => TN.OnesLike(s), _ => s.Sqrt() };
            Tensor sRight = options.Absorb switch { Absorb.Left => TN.OnesLike(s), Absorb.Right => s, _ => s.Sqrt() };
            left = (u * sLeft).Reshape([.. leftDims, rank]);
            right = (vt * sRight.Reshape(rank, 1)).Reshape([rank, .. rightDims]);
        }
        string[] leftOrder = Order(options.LeftOrder, [.. leftLegs, bond], "LeftOrder");
        string[] rightOrder = Order(options.RightOrder, [bond, .. rightLegs], "RightOrder");
        using (TN.NoGrad())
        {
            left = Arranged(left, [.. leftLegs, bond], leftOrder);
            right = Arranged(right, [bond, .. rightLegs], rightOrder);
        }
        Rewire([core], [(leftName, Leaf(left, c.Tensor), leftOrder), (rightName, Leaf(right, c.Tensor), rightOrder)], "Split");
        return new SplitReport(rank, discarded, singular, leftName, rightName, bond);
    }

    /// <summary>The requested axis order of a new core, checked to be a permutation of its legs; the legs as made when none.</summary>
    private static string[] Order(IReadOnlyList<string>? requested, string[] legs, string option)
    {
        if (requested is null) return legs;
        if (requested.Count != legs.Length || requested.Distinct().Count() != legs.Length || requested.Any(l => !legs.Contains(l)))
            throw new ArgumentException($"Split: {option} [{string.Join(", ", requested)}] must list each of the core's legs [{string.Join(", ", legs)}] once.");
        return [.. requested];
    }

    /// <summary>The tensor with axes <paramref name="made"/> permuted to <paramref name="order"/>.</summary>
    private static Tensor Arranged(Tensor tensor, string[] made, string[] order) =>
        made.SequenceEqual(order) ? tensor : tensor.Permute([.. order.Select(l => Array.IndexOf(made, l))]);

    private static void CheckPartition(Core c, string[] leftLegs, string[] rightLegs)
    {
        ArgumentNullException.ThrowIfNull(leftLegs);
        ArgumentNullException.ThrowIfNull(rightLegs);
        var all = leftLegs.Concat(rightLegs).ToList();
        foreach (string leg in all) c.AxisOf(leg);
        if (all.Count != all.Distinct().Count() || all.Count != c.Legs.Count || leftLegs.Length == 0 || rightLegs.Length == 0)
            throw new ArgumentException($"Split {c.Name}: left legs ({string.Join(", ", leftLegs)}) and right legs ({string.Join(", ", rightLegs)}) must be non-empty and partition the core's legs ({string.Join(", ", c.Legs)}).");
    }
}
