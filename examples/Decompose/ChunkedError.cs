using TensorNetworks;

/// <summary>
/// ‖X − X̂‖ / ‖X‖ computed over blocks of mode-0 slices, in float64, so that the dense X̂ (as large as the
/// data) is never formed at once: each block of rows [s, s + n) is reconstructed, compared and dropped.
/// </summary>
internal static class ChunkedError
{
    /// <summary>The relative Frobenius error; <paramref name="rows"/>(s, n) returns X̂[s:s+n, …].</summary>
    public static double Relative(Tensor x, Func<int, int, Tensor> rows, int chunk = 4096)
    {
        using var _ = TN.NoGrad();
        double error = 0, norm = 0;
        int count = x.Size(0);
        for (int start = 0; start < count; start += chunk)
        {
            int n = Math.Min(chunk, count - start);
            Tensor block = x.Narrow(0, start, n).To(DType.Float64);
            error += (block - rows(start, n).To(DType.Float64)).Square().Sum().Item();
            norm += block.Square().Sum().Item();
        }
        return Math.Sqrt(error / norm);
    }
}
