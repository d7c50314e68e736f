namespace TensorNetworks.Models.Factorizations;

/// <summary>Validation of GCP inputs; every message names the offending shapes or values.</summary>
internal static class GcpChecks
{
    /// <summary>Throws unless <paramref name="weights"/> has shape <paramref name="shape"/>, finite, non-negative
    /// entries, and at least one positive entry (a fit to no observed entry has nothing to fit).</summary>
    public static void Weights(Tensor weights, Shape shape)
    {
        if (weights.Shape != shape)
            throw new ArgumentException($"Gcp: the weights (mask) have shape {weights.Shape} but the data tensor has shape {shape}; they must match entry for entry.", nameof(weights));
        double[] w = weights.ToArray<double>();
        bool observed = false;
        for (int i = 0; i < w.Length; i++)
        {
            if (!(w[i] >= 0) || !double.IsFinite(w[i]))
                throw new ArgumentException($"Gcp: weights must be finite and non-negative (0 marks a missing entry), but entry [{string.Join(", ", GcpDomains.Unravel(i, shape))}] is {w[i]:R}.", nameof(weights));
            observed |= w[i] > 0;
        }
        if (!observed && w.Length > 0)
            throw new ArgumentException($"Gcp: every weight is 0, so the data of shape {shape} has no observed entry to fit; give at least one entry a positive weight.", nameof(weights));
    }

    /// <summary>Throws unless <paramref name="factors"/> are one Iₖ × R matrix per mode of <paramref name="shape"/>,
    /// with one R and dtype <paramref name="dtype"/>.</summary>
    public static void Factors(IReadOnlyList<Tensor> factors, Shape shape, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count != shape.Count)
            throw new ArgumentException($"Gcp: data of shape {shape} needs {shape.Count} factor matrices (one per mode), got {factors.Count}.", nameof(factors));
        for (int k = 0; k < factors.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(factors[k], $"factors[{k}]");
            Tensor a = factors[k];
            if (a.Order != 2 || a.Size(0) != shape[k] || a.Size(1) != factors[0].Size(factors[0].Order - 1))
                throw new ArgumentException($"Gcp: factors[{k}] must be I_{k} × R = {shape[k]} × R with the R of factors[0]; got shapes {string.Join(", ", factors.Select(f => f.Shape.ToString()))} for data of shape {shape}.", nameof(factors));
            if (a.DType != dtype)
                throw new ArgumentException($"Gcp: factors[{k}] is {a.DType} but the data is {dtype}; convert with To(DType).", nameof(factors));
        }
    }

    /// <summary>Throws unless <paramref name="rank"/> ≥ 1.</summary>
    public static void Rank(int rank)
    {
        if (rank < 1)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Gcp: the rank R must be at least 1, got {rank}.");
    }
}
