using System.Runtime.InteropServices;

namespace TensorNetworks.Backends;

/// <summary>
/// Runs small LAPACK calls on one OpenBLAS thread. Inside a small factorization OpenBLAS threads the level-2 BLAS
/// of every Householder step (syevd's tridiagonalization, gesdd's bidiagonalization), where waking a second thread
/// costs more than it gains: on the 2-core development machine a 40×40 dsyevd takes ~105 µs on one thread and
/// 250-350 µs on two, a 128×128 one 1.1 ms against 2.1 ms. OpenBLAS 0.3.21 has no per-thread setting, so the count
/// is process-wide and the scope is reference-counted: the first call to enter sets one thread, the last to leave
/// restores the count it found. While any small call runs, other OpenBLAS calls of the process run on one thread
/// too (results are unchanged; only their speed is).
/// </summary>
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
    private static readonly Lock s_gate = new();
    private static int s_depth, s_restore = 1;

    /// <summary>Whether a factorization of an m×n matrix is small enough to run on one thread:
    /// min(m, n) ≤ <see cref="SmallExtent"/> and m·n·min(m, n) ≤ <see cref="SmallWork"/>.</summary>
    internal static bool IsSmall(int m, int n)
    {
        int k = Math.Min(m, n);
        return k <= SmallExtent && (long)m * n * k <= SmallWork;
    }

    /// <summary>A scope in which OpenBLAS runs on one thread when <paramref name="condition"/> holds (and the library
    /// exports its thread control); otherwise a scope that does nothing.</summary>
    internal static Scope SingleThreadedWhen(bool condition)
    {
        if (!condition || !s_available.Value) return default;
        lock (s_gate)
        {
            if (s_depth++ == 0)
            {
                s_restore = OpenBlasNative.GetNumThreads();
                if (s_restore > 1) OpenBlasNative.SetNumThreads(1);
            }
        }
        return new Scope(true);
    }

    private static void Leave()
    {
        lock (s_gate)
        {
            if (--s_depth == 0 && s_restore > 1) OpenBlasNative.SetNumThreads(s_restore);
        }
    }

    private static bool HasThreadControl()
    {
        OpenBlasLoad load = OpenBlasLibrary.Load();
        return load.Loaded && OpenBlasNative.ThreadControlExports.All(symbol => NativeLibrary.TryGetExport(load.Handle, symbol, out _));
    }

    /// <summary>Restores OpenBLAS's thread count on <see cref="Dispose"/> when it was the last scope open.</summary>
    internal readonly struct Scope(bool active) : IDisposable
    {
        /// <summary>Leaves the scope (a no-op for a scope that changed nothing).</summary>
        public void Dispose()
        {
            if (active) Leave();
        }
    }
}
