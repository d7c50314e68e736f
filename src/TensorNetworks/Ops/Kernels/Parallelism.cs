namespace TensorNetworks;

/// <summary>Splits large element ranges across cores; small ranges run inline on the caller.</summary>
internal static class Parallelism
{
    /// <summary>Below this many elements an elementwise kernel runs on one thread.</summary>
    internal const int ElementwiseGrain = 1 << 16;

    /// <summary>Runs <paramref name="body"/>(start, length) over [0, n) in contiguous chunks.</summary>
    internal static void For(int n, int grain, Action<int, int> body)
    {
        int workers = Math.Min(Environment.ProcessorCount, n / Math.Max(1, grain));
        if (workers <= 1)
        {
            body(0, n);
            return;
        }
        int chunk = (n + workers - 1) / workers;
        Parallel.For(0, workers, w =>
        {
            int start = w * chunk;
            int length = Math.Min(chunk, n - start);
            if (length > 0) body(start, length);
        });
    }
}
