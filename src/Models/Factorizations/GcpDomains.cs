namespace TensorNetworks.Models.Factorizations;

/// <summary>Data-domain checks shared by the GCP losses.</summary>
internal static class GcpDomains
{
    /// <summary>True for x ∈ ℕ = {0, 1, 2, …}.</summary>
    public static bool IsCount(double x) => x >= 0 && double.IsFinite(x) && Math.Floor(x) == x;

    /// <summary>Throws unless every observed entry of <paramref name="data"/> (weight ≠ 0; all entries when
    /// <paramref name="weights"/> is null) is admitted by <paramref name="loss"/>; the message names the loss,
    /// the domain, the first offending multi-index and its value.</summary>
    public static void Check(GcpLoss loss, Tensor data, Tensor? weights)
    {
        double[] x = data.ToArray<double>();
        double[]? w = weights?.ToArray<double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (w is not null && w[i] == 0) continue;
            if (!loss.Admits(x[i]))
                throw new ArgumentException($"Gcp: the {loss.Name} loss needs data in its domain ({loss.Domain}), but entry [{string.Join(", ", Unravel(i, data.Shape))}] is {x[i]:R}; clean the data, mask the entry (weight 0) or choose another loss.", nameof(data));
        }
    }

    /// <summary>The row-major multi-index of flat position <paramref name="flat"/> in <paramref name="shape"/>.</summary>
    public static int[] Unravel(long flat, Shape shape)
    {
        var index = new int[shape.Count];
        for (int k = shape.Count - 1; k >= 0; k--)
        {
            index[k] = (int)(flat % shape[k]);
            flat /= shape[k];
        }
        return index;
    }
}
