using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// Every pooled array out on lease, each with a weak handle to its <see cref="StorageLease"/>. Once no
/// tensor reaches a lease, the garbage collector clears its handle, and the next <see cref="ReturnDead"/>
/// hands the array back to its bucket. Leases have no finalizer, so a dead one is gone after the first
/// collection of its generation, and returning its array needs no wait for the finalizer thread.
/// </summary>
internal static class LeaseRegistry
{
    private static readonly Lock s_lock = new();
    private static readonly List<Entry> s_entries = [];

    /// <summary>Number of arrays out on lease, dead or alive (for tests and diagnostics).</summary>
    internal static int Count
    {
        get
        {
            lock (s_lock) return s_entries.Count;
        }
    }

    /// <summary>Records a new lease of <paramref name="array"/> from <paramref name="bucket"/>; returns the entry the lease keeps.</summary>
    internal static Entry Add(StorageLease lease, Array array, PoolBucket bucket)
    {
        var entry = new Entry(GCHandle.Alloc(lease, GCHandleType.Weak), array, bucket);
        lock (s_lock)
        {
            entry.Index = s_entries.Count;
            s_entries.Add(entry);
        }
        return entry;
    }

    /// <summary>Forgets the lease of <paramref name="entry"/>, whose array a scope has given back.</summary>
    internal static void Remove(Entry entry)
    {
        lock (s_lock)
        {
            if (entry.Index < 0) return;
            RemoveAt(entry.Index);
        }
        entry.Handle.Free();
    }

    /// <summary>Returns the arrays of every lease the garbage collector has found dead; returns how many.</summary>
    internal static int ReturnDead()
    {
        List<Entry>? dead = null;
        lock (s_lock)
        {
            for (int i = s_entries.Count - 1; i >= 0; i--)
            {
                Entry e = s_entries[i];
                if (e.Handle.Target is not null) continue;
                RemoveAt(i);
                (dead ??= []).Add(e);
            }
        }
        if (dead is null) return 0;
        foreach (Entry e in dead)
        {
            e.Handle.Free();
            e.Bucket.Return(e.Array);
        }
        return dead.Count;
    }

    /// <summary>Swap-removes the entry at <paramref name="index"/>; the caller holds the lock.</summary>
    private static void RemoveAt(int index)
    {
        Entry removed = s_entries[index], last = s_entries[^1];
        s_entries[index] = last;
        last.Index = index;
        s_entries.RemoveAt(s_entries.Count - 1);
        removed.Index = -1;
    }

    /// <summary>One array out on lease.</summary>
    internal sealed class Entry(GCHandle handle, Array array, PoolBucket bucket)
    {
        internal readonly GCHandle Handle = handle;
        internal readonly Array Array = array;
        internal readonly PoolBucket Bucket = bucket;

        /// <summary>The entry's place in the registry; -1 once removed.</summary>
        internal int Index;
    }
}
