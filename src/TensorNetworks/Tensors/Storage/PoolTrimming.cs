namespace TensorNetworks;

/// <summary>
/// Gives pooled memory back: after each full (generation 2) collection, the arrays of dead leases go back to
/// their buckets (<see cref="LeaseRegistry"/>), and the free arrays of buckets that
/// no rent asked for during the last <see cref="IdleMilliseconds"/> are dropped for the garbage collector
/// to reclaim. Sizes in steady use are kept; sizes a program has moved on from are not.
/// </summary>
/// <remarks>Idleness is measured in time, not in collections: the pool's own full collections, or a
/// caller's <c>GC.Collect()</c> calls, can follow one another with no rent in between.
/// The hook is an unreachable object whose finalizer re-registers itself, so it runs after every
/// collection of its generation (generation 2 once it has been promoted).</remarks>
internal static class PoolTrimming
{
    /// <summary>How long a bucket must go unused before its free arrays are dropped.</summary>
    internal const long IdleMilliseconds = 10_000;

    /// <summary>Installs the hook; called once, when the pool starts. Returns true.</summary>
    internal static bool Start()
    {
        _ = new Gen2Hook();
        return true;
    }

    private sealed class Gen2Hook
    {
        private int _seenFullCollections = GC.CollectionCount(2);

        ~Gen2Hook()
        {
            int full = GC.CollectionCount(2);
            if (full != _seenFullCollections)
            {
                _seenFullCollections = full;
                LeaseRegistry.ReturnDead();
                StoragePool.TrimIdleSince(Environment.TickCount64 - IdleMilliseconds);
            }
            GC.ReRegisterForFinalize(this);
        }
    }
}
