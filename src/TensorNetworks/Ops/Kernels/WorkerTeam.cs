namespace TensorNetworks;

/// <summary>
/// Runs the pieces of one parallel operation on the calling thread and on dedicated workers (one per
/// further core) that spin for <see cref="SpinMilliseconds"/> after each operation before they sleep, so
/// that the next operation of a busy loop starts on every core at once, as OpenMP's teams do. A thread
/// pool worker, by contrast, may take tens of microseconds to wake, as long as a whole 1M-element add.
/// </summary>
/// <remarks>
/// <para>Pieces are handed out one at a time to whichever participant is free, so a worker whose core is
/// busy with another process delays nothing: the caller takes its pieces.</para>
/// <para>One operation runs on the team at a time. A call made while the team is busy (another thread's
/// operation, or a piece that itself runs in parallel) goes to <see cref="Parallel.For(int, int, Action{int})"/>.
/// The first exception a piece throws is rethrown on the caller once every piece has finished.</para>
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>How long an idle worker spins before it sleeps.</summary>
    internal const double SpinMilliseconds = 0.2;

    /// <summary>Pause instructions between two looks at the generation. A spinning worker never yields its
    /// core: <see cref="SpinWait.SpinOnce()"/> calls <see cref="Thread.Yield"/> and Thread.Sleep(0) after a
    /// few rounds, and on this project's (virtual) machine a worker that did so missed most operations — it
    /// took 3-16 % of the pieces of back-to-back 2-piece operations against 50 % now, and a 1M-element add
    /// took 107-109 µs against 71-83 µs. The pauses keep a spinning worker from starving a hyperthread sibling.</summary>
    private const int SpinIterations = 20;

    /// <summary>Rounds of pauses the caller spends waiting for the last pieces before it yields its core
    /// (to a worker that may need it).</summary>
    private const int CallerSpinRounds = 2000;

    private static readonly Lazy<WorkerTeam> s_shared = new(() => new WorkerTeam(Environment.ProcessorCount - 1));

    private int _busy;

    /// <summary>1 after <see cref="Rest"/>: spinning workers go to sleep at once, until the next operation.</summary>
    private int _resting;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _sleeping;
    private readonly long _spinTicks = (long)(SpinMilliseconds * System.Diagnostics.Stopwatch.Frequency / 1000);
    private int _generation;

    /// <summary>The one job object every operation reuses (one operation runs at a time), so that running on the
    /// team allocates nothing. A worker that still holds it from the previous operation can only take pieces of
    /// the next one once its ticket is published, and by then the job carries the next operation's body.</summary>
    private readonly Job _job = new();

    /// <summary>The next piece to hand out: the operation's generation in the high 32 bits, the piece index
    /// in the low ones, so a worker still holding an older operation can never claim a piece of a newer one.</summary>
    private long _ticket;

    private WorkerTeam(int workers)
    {
        _wake = new ManualResetEventSlim[workers];
        _sleeping = new int[workers];
        for (int w = 0; w < workers; w++)
        {
            _wake[w] = new ManualResetEventSlim(false);
            int index = w;
            new Thread(() => Work(index)) { IsBackground = true, Name = $"tn worker {w + 1}" }.Start();
        }
    }

    /// <summary>The process's team: one worker per core beyond the first.</summary>
    internal static WorkerTeam Shared => s_shared.Value;

    /// <summary>
    /// Sends spinning workers to sleep now rather than after their spin: call it before handing the cores to
    /// other threads, such as OpenBLAS's own for a large product. A spinning worker never yields, so an
    /// OpenBLAS thread that the scheduler put on its core would wait for its time slice.
    /// </summary>
    internal void Rest()
    {
        if (_wake.Length > 0 && Volatile.Read(ref _resting) == 0) Volatile.Write(ref _resting, 1);
    }

    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>), in any order, on the team.</summary>
    internal void Run(int count, Action<int> body)
    {
        if (count <= 0) return;
        if (count == 1 || _wake.Length == 0)
        {
            RunInline(count, body);
            return;
        }
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            RunOnThreadPool(count, body);
            return;
        }
        try
        {
            int generation = _generation + 1;
            _job.Start(generation, count, body);
            Volatile.Write(ref _resting, 0);
            Volatile.Write(ref _ticket, (long)generation << 32);
            Interlocked.Exchange(ref _generation, generation); // a full fence: the reads of _sleeping below cannot move before it
            for (int w = 0; w < _wake.Length; w++)
                if (Volatile.Read(ref _sleeping[w]) == 1) _wake[w].Set();
            TakePieces(_job);
            for (int round = 0; Volatile.Read(ref _job.Unfinished) > 0; round++)
            {
                if (round < CallerSpinRounds) Thread.SpinWait(SpinIterations);
                else Thread.Yield();
            }
            ThrowIfFailed(_job.Finish());
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Runs every piece on the caller, in order; the first exception is rethrown (wrapped, as from the team)
    /// once every piece has run.</summary>
    private static void RunInline(int count, Action<int> body)
    {
        Exception? first = null;
        for (int i = 0; i < count; i++) RunPiece(body, i, ref first);
        ThrowIfFailed(first);
    }

    /// <summary>Runs every piece through <see cref="Parallel.For(int, int, Action{int})"/> while the team is busy; a
    /// piece's exception does not stop the others (as it would stop Parallel.For), and the first is rethrown once every
    /// piece has run.</summary>
    private static void RunOnThreadPool(int count, Action<int> body)
    {
        Exception? first = null;
        Parallel.For(0, count, i => RunPiece(body, i, ref first));
        ThrowIfFailed(first);
    }

    /// <summary>Runs piece <paramref name="index"/>; an exception it throws is kept in <paramref name="first"/> unless
    /// another piece's came first.</summary>
    private static void RunPiece(Action<int> body, int index, ref Exception? first)
    {
        try
        {
            body(index);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref first, e, null);
        }
    }

    /// <summary>Rethrows a piece's exception on the caller, wrapped as every path of <see cref="Run"/> wraps it.</summary>
    private static void ThrowIfFailed(Exception? error)
    {
        if (error is not null) throw new AggregateException(error);
    }

    /// <summary>
    /// Claims and runs pieces of the operation the job holds, until none is left or a newer one has begun. The
    /// job's generation and piece count are read once, together: read separately, a worker finishing one
    /// operation could pair the old generation with the next operation's count, pass the check with a
    /// stale ticket and claim a piece that does not exist.
    /// </summary>
    private void TakePieces(Job job)
    {
        long header = Volatile.Read(ref job.Header);
        int generation = (int)(header >> 32), count = (int)header;
        while (true)
        {
            long ticket = Volatile.Read(ref _ticket);
            int index = (int)ticket;
            if ((int)(ticket >> 32) != generation || index >= count) return;
            if (Interlocked.CompareExchange(ref _ticket, ticket + 1, ticket) != ticket) continue;
            RunPiece(job.Body, index, ref job.Error);
            Interlocked.Decrement(ref job.Unfinished);
        }
    }

    private void Work(int w)
    {
        int seen = Volatile.Read(ref _generation);
        while (true)
        {
            seen = AwaitGeneration(w, seen);
            TakePieces(_job);
        }
    }

    /// <summary>Spins, then sleeps, until an operation newer than <paramref name="seen"/> starts; returns its generation.</summary>
    private int AwaitGeneration(int w, int seen)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + _spinTicks;
        while (true)
        {
            int current = Volatile.Read(ref _generation);
            if (current != seen) return current;
            if (System.Diagnostics.Stopwatch.GetTimestamp() < deadline && Volatile.Read(ref _resting) == 0)
            {
                Thread.SpinWait(SpinIterations);
                continue;
            }
            _wake[w].Reset();
            Interlocked.Exchange(ref _sleeping[w], 1);
            if (Volatile.Read(ref _generation) == seen) _wake[w].Wait();
            Interlocked.Exchange(ref _sleeping[w], 0);
            deadline = System.Diagnostics.Stopwatch.GetTimestamp() + _spinTicks;
        }
    }

    /// <summary>One parallel operation: its pieces and what is left of them. Its fields are written before the
    /// operation's ticket is published (a release), and read by participants after they read that ticket.</summary>
    private sealed class Job
    {
        /// <summary>The operation's generation in the high 32 bits and its piece count in the low ones, written
        /// last by <see cref="Start"/> and read in one load.</summary>
        internal long Header;
        internal Action<int> Body = static _ => { };
        internal int Unfinished;
        internal Exception? Error;

        internal void Start(int generation, int count, Action<int> body)
        {
            Body = body;
            Error = null;
            Unfinished = count;
            Volatile.Write(ref Header, ((long)generation << 32) | (uint)count);
        }

        /// <summary>Drops the body (no participant can call it once every piece is finished) and returns the first error.</summary>
        internal Exception? Finish()
        {
            Body = static _ => { };
            return Error;
        }
    }
}
