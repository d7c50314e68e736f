namespace TensorNetworks.Backends;

/// <summary>
/// Makes OpenBLAS run its calls on the calling thread alone while tn splits the work across cores
/// itself. OpenBLAS's thread count is one setting for the whole process, so sections nest and count:
/// the first to open sets one thread, the last to close restores the count OpenBLAS had before.
/// </summary>
/// <remarks>A call that another thread makes during a section runs single-threaded too; that costs
/// speed, never correctness.</remarks>
internal static class OpenBlasThreads
{
    private static readonly Lock s_lock = new();
    private static int s_open;
    private static int s_restore;

    /// <summary>Opens a section; dispose it to close.</summary>
    internal static Section SingleThreaded()
    {
        lock (s_lock)
        {
            if (s_open++ == 0)
            {
                s_restore = OpenBlasNative.GetNumThreads();
                if (s_restore > 1) OpenBlasNative.SetNumThreads(1);
            }
        }
        return new Section();
    }

    /// <summary>An open single-threaded section.</summary>
    internal readonly struct Section : IDisposable
    {
        public void Dispose()
        {
            lock (s_lock)
            {
                if (--s_open == 0 && s_restore > 1) OpenBlasNative.SetNumThreads(s_restore);
            }
        }
    }
}
