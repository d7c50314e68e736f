namespace TensorNetworks.Models.Decompositions;

/// <summary>A CP model with unit weights evaluated at a list of entries, without forming the dense tensor.</summary>
internal static class CpEntries
{
    /// <summary>
    /// mₛ = Σᵣ Πₖ Aₖ[iₖ(s), r] for entries s = 0..S−1, where <paramref name="modeIndices"/>[k] holds the
    /// mode-k index of every entry: one row gather per factor, an elementwise product and a sum over r.
    /// Differentiable in the factors.
    /// </summary>
    public static Tensor Evaluate(IReadOnlyList<Tensor> factors, IReadOnlyList<int[]> modeIndices)
    {
        Tensor product = factors[0].IndexSelect(0, modeIndices[0]);
        for (int k = 1; k < factors.Count; k++) product = product * factors[k].IndexSelect(0, modeIndices[k]);
        return product.Sum(1);
    }
}
