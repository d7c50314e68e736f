using System.Runtime.InteropServices;

namespace TensorNetworks.Backends;

/// <summary>
/// Sections in which OpenBLAS runs its calls on the calling thread alone: while tn splits a GEMM across cores
/// itself (<see cref="GemmSplit"/>), and around small LAPACK calls. Inside a small factorization OpenBLAS threads
/// the level-2 BLAS of every Householder step (syevd's tridiagonalization, gesdd's bidiagonalization), where waking
/// a second thread costs more than it gains: on the 2-core development machine a 40×40 dsyevd takes ~105 µs on one
/// thread and 250-350 µs on two, a 128×128 one 1.1 ms against 2.1 ms. OpenBLAS's thread count is one setting for
/// the whole process (0.3.21 exports no per-thread setting), so sections nest and count: the first to open sets
/// one thread, the last to close restores the count OpenBLAS had before.
/// </summary>
/// <remarks>A call that another thread makes during a section runs single-threaded too; that costs speed, never
/// correctness.</remarks>
/// <example><code>
/// using (OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(m, n)))
///     OpenBlasNative.Gesdd(...);
/// </code></example>
internal static class OpenBlasThreads
{
    /// <summary>The largest min(m, n) that counts as small (the size of the dense bidiagonal or tridiagonal problem).</summary>
    internal const int SmallExtent = 256;

    /// <summary>The largest m·n·min(m, n) that counts as small (2²⁵, a 512×256 SVD or QR).</summary>
    internal const long SmallWork = 1L << 25;

    private static readonly Lazy<bool> s_available = new(HasThreadControl);
    private static readonly Lock s_lock = new();
    private static int s_open;
    private static int s_restore;

    /// <summary>The cores a split of an OpenBLAS call may spread over: the machine's, at most OpenBLAS's thread
    /// count (1 inside a single-threaded section, or with OPENBLAS_NUM_THREADS=1).</summary>
    internal static int SplitCores => Math.Min(Environment.ProcessorCount, OpenBlasNative.GetNumThreads());

    /// <summary>Whether a factorization of an m×n matrix is small enough to run on one thread:
    /// min(m, n) ≤ <see cref="SmallExtent"/> and m·n·min(m, n) ≤ <see cref="SmallWork"/>.</summary>
    internal static bool IsSmall(int m, int n)
    {
        int k = Math.Min(m, n);
        return k <= SmallExtent && (long)m * n * k <= SmallWork;
    }

    /// <summary>OpenBLAS threads a GEMM of at least this many multiply-adds (its 65536 × GEMM_MULTITHREAD_THRESHOLD 4).</summary>
    internal const long ThreadedGemmWork = 1L << 18;

    /// <summary>
    /// Call before an OpenBLAS routine that may use its own threads: unless a single-threaded section is open,
    /// the <see cref="WorkerTeam"/>'s spinning workers go to sleep so that OpenBLAS's threads get their cores.
    /// </summary>
    internal static void BeforeThreadedCall()
    {
        if (Volatile.Read(ref s_open) == 0) WorkerTeam.Shared.Rest();
    }

    /// <summary><see cref="BeforeThreadedCall()"/> for a GEMM-like call of <paramref name="multiplyAdds"/>, which
    /// OpenBLAS threads only from <see cref="ThreadedGemmWork"/> up.</summary>
    internal static void BeforeThreadedCall(long multiplyAdds)
    {
        if (multiplyAdds >= ThreadedGemmWork) BeforeThreadedCall();
    }

    /// <summary>Opens a section; dispose it to close.</summary>
    internal static Section SingleThreaded() => SingleThreadedWhen(true);

    /// <summary>Opens a section when <paramref name="condition"/> holds (and the library exports its thread
    /// control); otherwise, as the call may then run on OpenBLAS's threads, rests the team
    /// (<see cref="BeforeThreadedCall()"/>) and returns a section that does nothing.</summary>
    internal static Section SingleThreadedWhen(bool condition)
    {
        if (!condition || !s_available.Value)
        {
            BeforeThreadedCall();
            return default;
        }
        lock (s_lock)
        {
            if (s_open++ == 0)
            {
                s_restore = OpenBlasNative.GetNumThreads();
                if (s_restore > 1) OpenBlasNative.SetNumThreads(1);
            }
        }
        return new Section(true);
    }

    private static bool HasThreadControl()
    {
        OpenBlasLoad load = OpenBlasLibrary.Load();
        return load.Loaded && OpenBlasNative.ThreadControlExports.All(symbol => NativeLibrary.TryGetExport(load.Handle, symbol, out _));
    }

    /// <summary>An open single-threaded section (or, when it changed nothing, an inert one).</summary>
    internal readonly struct Section(bool open) : IDisposable
    {
        /// <summary>Closes the section; the last one to close restores OpenBLAS's thread count.</summary>
        public void Dispose()
        {
            if (!open) return;
            lock (s_lock)
            {
                if (--s_open == 0 && s_restore > 1) OpenBlasNative.SetNumThreads(s_restore);
            }
        }
    }
}
