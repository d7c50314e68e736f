namespace TensorNetworks;

/// <summary>Splits large element ranges across cores (on the <see cref="WorkerTeam"/>); small ranges run
/// inline on the caller.</summary>
internal static class Parallelism
{
    /// <summary>Below this many elements an elementwise kernel runs on one thread.</summary>
    internal const int ElementwiseGrain = 1 << 16;

    /// <summary>Pieces per core: a few, so that a core that falls behind is covered by the others.</summary>
    private const int PiecesPerCore = 2;

    /// <summary>Runs <paramref name="body"/>(start, length) over [0, n) in contiguous pieces of at least
    /// <paramref name="grain"/> elements, in parallel when there are two or more.</summary>
    internal static void For(int n, int grain, Action<int, int> body)
    {
        int cores = Environment.ProcessorCount;
        int pieces = (int)Math.Min((long)n / Math.Max(1, grain), (long)PiecesPerCore * cores);
        if (cores <= 1 || pieces <= 1)
        {
            body(0, n);
            return;
        }
        int chunk = (n + pieces - 1) / pieces;
        Run((n + chunk - 1) / chunk, piece =>
        {
            int start = piece * chunk;
            body(start, Math.Min(chunk, n - start));
        });
    }

    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>) across the cores.</summary>
    internal static void Run(int count, Action<int> body) => WorkerTeam.Shared.Run(count, body);
}
