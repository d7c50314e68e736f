namespace TensorNetworks;

/// <summary>
/// Numbers storages so that a thread can tell which ones it created after a given moment (the backward
/// pass asks this of every vector-Jacobian product's result). An id's high bits name the creating thread
/// (each thread takes a new number on first use, never reused) and its low <see cref="CounterBits"/> bits
/// count that thread's storages: cheaper than one shared atomic counter on every tensor.
/// </summary>
internal static class StorageIds
{
    private const int CounterBits = 40;

    [ThreadStatic]
    private static long t_last;

    private static long s_threads;

    /// <summary>A new id, larger than every id this thread took before.</summary>
    internal static long Next()
    {
        long last = t_last;
        if (last == 0) last = Interlocked.Increment(ref s_threads) << CounterBits;
        return t_last = last + 1;
    }

    /// <summary>True when <paramref name="id"/> was taken on this thread after <paramref name="mark"/>, an id
    /// this thread took; false for every id taken on another thread.</summary>
    internal static bool TakenAfter(long id, long mark) => id > mark && id >> CounterBits == mark >> CounterBits;
}
