namespace TensorNetworks;

/// <summary>Splits large element ranges across cores (on the <see cref="WorkerTeam"/>); small ranges run
/// inline on the caller.</summary>
internal static class Parallelism
{
    /// <summary>Below this many elements an elementwise kernel runs on one thread.</summary>
    internal const int ElementwiseGrain = 1 << 16;

    /// <summary>Pieces per core. One measured best for streaming kernels, quiet or loaded (1M-element add on
    /// 2 cores: 83 µs against 96 µs with two pieces per core; under load 138 against 145 µs): a worker that
    /// falls behind leaves its piece to the caller, which takes it as soon as its own is done.</summary>
    private const int PiecesPerCore = 1;

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
