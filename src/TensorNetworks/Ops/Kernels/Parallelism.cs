namespace TensorNetworks;

/// <summary>Splits large element ranges across cores (on the <see cref="WorkerTeam"/>); small ranges run
/// inline on the caller.</summary>
internal static class Parallelism
{
    /// <summary>Below this many elements an elementwise kernel runs on one thread.</summary>
    internal const int ElementwiseGrain = 1 << 16;

    /// <summary>
    /// Elements per span call inside a parallel piece: TensorPrimitives switches to non-temporal stores for
    /// spans past 256 KB, which evicts the result the next op reads (and slows writing into an array that is
    /// still in cache: a scoped 1M-element exp, whose output array is the one just released, took 312 µs in
    /// two 2 MB calls against 223 µs into a cold array), so kernels call it on 64 KB blocks.
    /// </summary>
    internal const int CacheBlock = 1 << 14;

    /// <summary>Pieces per core. One measured best for streaming kernels, quiet or loaded (1M-element add on
    /// 2 cores: 83 µs against 96 µs with two pieces per core; under load 138 against 145 µs): a worker that
    /// falls behind leaves its piece to the caller, which takes it as soon as its own is done.</summary>
    private const int PiecesPerCore = 1;

    /// <summary>Runs <paramref name="body"/>(start, length) over [0, n) in contiguous pieces of at least
    /// <paramref name="grain"/> elements, in parallel when there are two or more.</summary>
    internal static void For(int n, int grain, Action<int, int> body) => For(n, grain, new DelegateRange(body));

    /// <summary>
    /// <see cref="For(int, int, Action{int, int})"/> for a struct body: allocates nothing in steady state (the
    /// body is copied into a runner cached per thread and body type, and the team reuses its job), so an
    /// elementwise op allocates its output and nothing else.
    /// </summary>
    /// <example><code>Parallelism.For(n, Parallelism.ElementwiseGrain, new AddRange(x, y, d));</code></example>
    internal static void For<TBody>(int n, int grain, TBody body) where TBody : struct, IRangeBody
    {
        int cores = Environment.ProcessorCount;
        int pieces = (int)Math.Min((long)n / Math.Max(1, grain), (long)PiecesPerCore * cores);
        if (cores <= 1 || pieces <= 1)
        {
            body.Run(0, n);
            return;
        }
        int chunk = (n + pieces - 1) / pieces;
        RangeRunner<TBody> runner = RangeRunner<TBody>.Rent(body, chunk, n);
        try
        {
            Run((n + chunk - 1) / chunk, runner.Piece);
        }
        finally
        {
            runner.Return();
        }
    }

    /// <summary><see cref="For{TBody}"/> with each piece handed to <paramref name="body"/> in ranges of at most
    /// <see cref="CacheBlock"/> elements, for bodies that call TensorPrimitives.</summary>
    internal static void ForInCacheBlocks<TBody>(int n, int grain, TBody body) where TBody : struct, IRangeBody
        => For(n, grain, new CacheBlocked<TBody>(body));

    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>) across the cores.</summary>
    internal static void Run(int count, Action<int> body) => WorkerTeam.Shared.Run(count, body);

    /// <summary>
    /// <see cref="Run(int, Action{int})"/> for a struct body: body.Run(i, 1) for every i in [0, <paramref name="count"/>),
    /// each i handed out as a participant frees up, allocating nothing in steady state (the runner and its piece
    /// delegate are cached per thread and body type, as for <see cref="For{TBody}"/>).
    /// </summary>
    /// <example><code>Parallelism.Run(count, new OuterBlocks&lt;double&gt;(...)); // GemmSplit: OuterBlocks.Run(block, 1) multiplies one block</code></example>
    internal static void Run<TBody>(int count, TBody body) where TBody : struct, IRangeBody
    {
        if (count <= 0) return;
        RangeRunner<TBody> runner = RangeRunner<TBody>.Rent(body, 1, count);
        try
        {
            Run(count, runner.Piece);
        }
        finally
        {
            runner.Return();
        }
    }

    private readonly struct DelegateRange(Action<int, int> body) : IRangeBody
    {
        public void Run(int start, int length) => body(start, length);
    }

    private readonly struct CacheBlocked<TBody>(TBody body) : IRangeBody where TBody : struct, IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int s = start, end = start + length; s < end; s += CacheBlock)
                body.Run(s, Math.Min(CacheBlock, end - s));
        }
    }
}

/// <summary>The work on one contiguous range [start, start + length) of a <see cref="Parallelism.For{TBody}"/>.</summary>
internal interface IRangeBody
{
    void Run(int start, int length);
}

/// <summary>
/// Holds a struct body and the split of [0, n) for the team, with its piece delegate made once. One runner per
/// thread and body type is cached; a nested call of the same body type on the same thread (a piece that runs
/// in parallel itself) finds none cached and makes its own.
/// </summary>
internal sealed class RangeRunner<TBody> where TBody : struct, IRangeBody
{
    [ThreadStatic] private static RangeRunner<TBody>? t_cached;

    private TBody _body;
    private int _chunk;
    private int _count;

    private RangeRunner() => Piece = RunPiece;

    /// <summary>Runs piece i: [i·chunk, min((i + 1)·chunk, n)).</summary>
    internal Action<int> Piece { get; }

    internal static RangeRunner<TBody> Rent(TBody body, int chunk, int count)
    {
        RangeRunner<TBody> runner = t_cached ?? new RangeRunner<TBody>();
        t_cached = null;
        runner._body = body;
        runner._chunk = chunk;
        runner._count = count;
        return runner;
    }

    /// <summary>Clears the body (releasing what it references) and caches the runner for the next call.</summary>
    internal void Return()
    {
        _body = default;
        t_cached = this;
    }

    private void RunPiece(int piece)
    {
        int start = piece * _chunk;
        _body.Run(start, Math.Min(_chunk, _count - start));
    }
}
