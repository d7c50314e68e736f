namespace TensorNetworks.Models.Decompositions;

/// <summary>Validation of Tucker cores, factors and target ranks; every message names the offending values.</summary>
internal static class TuckerChecks
{
    /// <summary>Throws unless the core has N ≥ 1 axes and factor k is an Iₖ × Rₖ matrix (Iₖ ≥ 1) with Rₖ the
    /// core's extent on axis k, all of one dtype.</summary>
    public static void Format(Tensor core, IReadOnlyList<Tensor> factors)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(factors);
        if (core.Order == 0)
            throw new ArgumentException("TuckerTensor: the core needs at least one axis, got a scalar.", nameof(core));
        int[] ranks = core.Shape.ToArray();
        RankValidation.Positive("TuckerTensor", "core shape", ranks);
        if (factors.Count != core.Order)
            throw new ArgumentException($"TuckerTensor: a core of shape {core.Shape} needs {core.Order} factors, got {factors.Count}.", nameof(factors));
        for (int k = 0; k < factors.Count; k++)
        {
            Tensor u = factors[k] ?? throw new ArgumentNullException(nameof(factors), $"TuckerTensor: factors[{k}] is null.");
            if (u.Order != 2 || u.Size(1) != ranks[k] || u.Size(0) < 1)
                throw new ArgumentException($"TuckerTensor: factors[{k}] must be I_{k} × {ranks[k]} (the core's axis {k} has extent {ranks[k]}, core shape {core.Shape}), got shape {u.Shape}.", nameof(factors));
            if (u.DType != core.DType)
                throw new ArgumentException($"TuckerTensor: factors[{k}] is {u.DType} but the core is {core.DType}; convert with To(DType).", nameof(factors));
        }
    }

    /// <summary>
    /// Throws unless <paramref name="ranks"/> is a valid multilinear rank for <paramref name="shape"/>: one
    /// rank per mode, 1 ≤ Rₙ ≤ Iₙ (Uₙ has orthonormal columns) and Rₙ ≤ Π_{m≠n} Rₘ (the core's mode-n
    /// unfolding cannot have larger rank than its column count).
    /// </summary>
    public static void Ranks(string context, Shape shape, IReadOnlyList<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count != shape.Count)
            throw new ArgumentException($"{context}: a tensor of shape {shape} needs {shape.Count} ranks, got {ranks.Count} ([{string.Join(", ", ranks)}]).", nameof(ranks));
        RankValidation.Positive(context, nameof(ranks), ranks);
        for (int n = 0; n < ranks.Count; n++)
            if (ranks[n] > shape[n])
                throw new ArgumentOutOfRangeException(nameof(ranks), ranks[n], $"{context}: ranks[{n}] = {ranks[n]} exceeds the size {shape[n]} of mode {n} (shape {shape}); the mode-{n} unfolding has only {shape[n]} rows, so R_{n} ≤ {shape[n]}.");
        for (int n = 0; n < ranks.Count; n++)
        {
            long others = 1;
            for (int m = 0; m < ranks.Count; m++)
                if (m != n) others *= ranks[m];
            if (ranks.Count > 1 && ranks[n] > others)
                throw new ArgumentOutOfRangeException(nameof(ranks), ranks[n], $"{context}: ranks[{n}] = {ranks[n]} exceeds the product of the other ranks, {others} (ranks [{string.Join(", ", ranks)}]); the core's mode-{n} unfolding has only {others} columns, so R_{n} ≤ {others}.");
        }
    }
}
