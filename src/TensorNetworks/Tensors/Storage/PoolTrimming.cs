namespace TensorNetworks;

/// <summary>
/// Gives pooled memory back: at each full (generation 2) collection a new epoch starts, and the free
/// arrays of buckets that no rent asked for during the whole previous epoch are dropped for the garbage
/// collector to reclaim. Sizes in steady use are kept; sizes a program has moved on from are not.
/// </summary>
/// <remarks>The hook is an unreachable object whose finalizer re-registers itself, so it runs after
/// every collection of its generation (generation 2 once it has been promoted).</remarks>
internal static class PoolTrimming
{
    private static int s_epoch;

    /// <summary>The number of full collections seen since the pool started.</summary>
    internal static int Epoch => Volatile.Read(ref s_epoch);

    /// <summary>Installs the hook; called once, when the pool starts.</summary>
    internal static void Start() => _ = new Gen2Hook();

    private sealed class Gen2Hook
    {
        private int _seenFullCollections = GC.CollectionCount(2);

        ~Gen2Hook()
        {
            int full = GC.CollectionCount(2);
            if (full != _seenFullCollections)
            {
                _seenFullCollections = full;
                int epoch = Interlocked.Increment(ref s_epoch);
                StoragePool.TrimIdleSince(epoch - 1);
            }
            GC.ReRegisterForFinalize(this);
        }
    }
}
