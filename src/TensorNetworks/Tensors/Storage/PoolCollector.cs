namespace TensorNetworks;

/// <summary>
/// Finds dead leases for the pool. A lease dies unseen: only a garbage collection notices that no tensor
/// reaches it any more. So when a rent finds its bucket empty (and <see cref="LeaseRegistry"/> knows of no
/// dead lease) and the bytes rented since the last collection have reached the budget, a blocking
/// collection runs and <see cref="LeaseRegistry.ReturnDead"/> returns the dead tensors' arrays to their
/// buckets before the rent looks again.
/// </summary>
/// <remarks>
/// <para>The collection is young (generation 1: 20-115 µs on this project's virtual machine, the most when a
/// worker of the <see cref="WorkerTeam"/> is still spinning: the collection's process-wide write-buffer flush then
/// interrupts the worker's core, which costs 30-50 µs here whether the worker spins in managed code or inside a
/// P/Invoke). Leases have no
/// finalizer, so a lease that dies young is gone after it. Leases of tensors that outlived earlier
/// collections have been promoted to generation 2, so a full collection follows
/// when the young one gave back less than half of what was still out (<see cref="IsProductive"/>), and at
/// least every <see cref="FullBudgetBytes"/> rented anyway; memory beyond the live tensors stays within
/// that.</para>
/// <para>The budget adapts like the collector's own: it halves (down to <see cref="MinBudgetBytes"/>)
/// after a collection that found at least half of what was still out, young or full, so a loop whose results die
/// at once reuses a few arrays that stay in cache; it doubles (up to <see cref="MaxBudgetBytes"/>) after
/// one that did not, so that tensors living across several rents (a forward pass's activations, a queue
/// of results) die before their leases reach generation 2, and full collections stay rare.</para>
/// <para>Only one thread collects at a time; a thread that finds a collection under way allocates instead
/// of waiting.</para>
/// </remarks>
internal static class PoolCollector
{
    /// <summary>The smallest budget: four 1M-element Float32 tensors. A collection costs ~100 µs on this project's
    /// virtual machine, so halving the budget to 8 MB doubled the collections of a loop of unscoped 1M-element adds
    /// (130-148 against 100-108 µs per add) and of a Tucker reconstruction with a 1 MB result (64-72 against 59-61 µs),
    /// and let a TT-SVD loop's early calls allocate fresh arrays (24-27 against 12-14 ms); 32 MB was no better than 16.</summary>
    internal const long MinBudgetBytes = 16L << 20;

    /// <summary>The largest budget.</summary>
    internal const long MaxBudgetBytes = 64L << 20;

    /// <summary>Bytes rented between two full collections at most.</summary>
    internal const long FullBudgetBytes = 256L << 20;

    private static readonly Lock s_collecting = new();
    private static long s_budget = MinBudgetBytes;
    private static long s_rented;
    private static long s_rentedSinceFull;
    private static long s_returned;
    private static long s_returnedAtLastCollection;
    private static int s_collections;

    /// <summary>Number of collections the pool has run (for tests and diagnostics).</summary>
    internal static int Collections => Volatile.Read(ref s_collections);

    /// <summary>The bytes that may be rented before the next collection (for tests and diagnostics).</summary>
    internal static long Budget => Volatile.Read(ref s_budget);

    internal static void NoteRented(long bytes) => Interlocked.Add(ref s_rented, bytes);

    internal static void NoteReturned(long bytes) => Interlocked.Add(ref s_returned, bytes);

    /// <summary>Collects when the budget is spent; true when the caller should look in its bucket again.</summary>
    internal static bool CollectIfDue()
    {
        if (Volatile.Read(ref s_rented) < Budget || !s_collecting.TryEnter()) return false;
        try
        {
            long rented = Interlocked.Exchange(ref s_rented, 0);
            if (rented < s_budget)
            {
                Interlocked.Add(ref s_rented, rented);
                return true;
            }
            long returnedBefore = Volatile.Read(ref s_returned), returnedBetween = returnedBefore - s_returnedAtLastCollection;
            s_rentedSinceFull += rented;
            bool full = s_rentedSinceFull >= FullBudgetBytes;
            Collect(full ? 2 : 1);
            if (!IsProductive(ReturnedSince(returnedBefore), rented, returnedBetween) && !full)
            {
                Collect(2);
                full = true;
            }
            bool productive = IsProductive(ReturnedSince(returnedBefore), rented, returnedBetween);
            if (full) s_rentedSinceFull = 0;
            s_returnedAtLastCollection = Volatile.Read(ref s_returned);
            Volatile.Write(ref s_budget, productive ? Math.Max(MinBudgetBytes, s_budget / 2) : Math.Min(MaxBudgetBytes, s_budget * 2));
            Interlocked.Increment(ref s_collections);
            return true;
        }
        finally
        {
            s_collecting.Exit();
        }
    }

    /// <summary>
    /// Whether a collection that gave back <paramref name="returned"/> bytes found at least half of what was outstanding:
    /// the <paramref name="rented"/> bytes since the previous collection less the <paramref name="returnedBetween"/> that
    /// came back before this one began (through scopes, or the runtime's own collections). Judged against the rented bytes
    /// alone, a loop whose temporaries mostly come back through the runtime's collections looked unproductive, the budget
    /// doubled, and the pool allocated fresh arrays instead (TT-SVD of a 4^10 tensor: 7 MB fresh in some calls, each MB
    /// ~2 ms of first-touch page faults on this project's virtual machine).
    /// </summary>
    /// <example><code>PoolCollector.IsProductive(returned: 6 &lt;&lt; 20, rented: 18 &lt;&lt; 20, returnedBetween: 12 &lt;&lt; 20) // true</code></example>
    internal static bool IsProductive(long returned, long rented, long returnedBetween) => returned >= (rented - returnedBetween) / 2;

    private static long ReturnedSince(long before) => Volatile.Read(ref s_returned) - before;

    private static void Collect(int generation)
    {
        GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
        LeaseRegistry.ReturnDead();
    }
}
