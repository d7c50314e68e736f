namespace TensorNetworks;

/// <summary>
/// Finds dead leases for the pool. A lease dies unseen: only a garbage collection notices that no tensor
/// reaches it any more. So when a rent finds its bucket empty and at least <see cref="BudgetBytes"/> have
/// been rented since the last collection, a blocking collection runs and the rent waits for the
/// finalizers, which return the dead tensors' arrays to their buckets before the rent looks again.
/// </summary>
/// <remarks>
/// The collection is young (generation 1: tens of microseconds) when that suffices. Leases of tensors that
/// outlived earlier collections have been promoted to generation 2, so a full collection follows when the
/// young one returned less than a quarter of the bytes rented since the last collection, and every
/// <see cref="FullEvery"/>-th collection is full anyway. Memory beyond the live tensors therefore stays
/// within a few budgets. Only one thread collects at a time; a thread that finds a collection under way
/// allocates instead of waiting (so a finalizer that computes with tensors cannot deadlock).
/// </remarks>
internal static class PoolCollector
{
    /// <summary>Bytes rented between two collections.</summary>
    internal const long BudgetBytes = 64L << 20;

    /// <summary>Every this many collections, one is full (generation 2).</summary>
    internal const int FullEvery = 4;

    private static readonly Lock s_collecting = new();
    private static long s_rented;
    private static long s_returned;
    private static int s_collections;

    /// <summary>Number of collections the pool has run (for tests and diagnostics).</summary>
    internal static int Collections => Volatile.Read(ref s_collections);

    internal static void NoteRented(long bytes) => Interlocked.Add(ref s_rented, bytes);

    internal static void NoteReturned(long bytes) => Interlocked.Add(ref s_returned, bytes);

    /// <summary>Collects when the budget is spent; true when the caller should look in its bucket again.</summary>
    internal static bool CollectIfDue()
    {
        if (Volatile.Read(ref s_rented) < BudgetBytes || !s_collecting.TryEnter()) return false;
        try
        {
            long rented = Interlocked.Exchange(ref s_rented, 0);
            if (rented < BudgetBytes)
            {
                Interlocked.Add(ref s_rented, rented);
                return true;
            }
            long returnedBefore = Volatile.Read(ref s_returned);
            bool full = Interlocked.Increment(ref s_collections) % FullEvery == 0;
            Collect(full ? 2 : 1);
            if (!full && Volatile.Read(ref s_returned) - returnedBefore < rented / 4) Collect(2);
            return true;
        }
        finally
        {
            s_collecting.Exit();
        }
    }

    private static void Collect(int generation)
    {
        GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
    }
}
