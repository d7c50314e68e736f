namespace TensorNetworks;

/// <summary>
/// The free arrays of one dtype and one <see cref="SizeClass"/>: a locked stack, so that the last array
/// returned (the one most likely still in cache) is the next one rented; at most two collection budgets
/// of them. Remembers when it was last asked for an array, so that <see cref="PoolTrimming"/> can drop
/// the arrays of sizes no longer in use.
/// </summary>
internal sealed class PoolBucket
{
    /// <summary>Free arrays a bucket may always keep, whatever the budget.</summary>
    internal const int MinKept = 4;

    private readonly Stack<Array> _free = new();
    private long _lastRequestMilliseconds = Environment.TickCount64;

    internal PoolBucket(DType dtype, int length)
    {
        DType = dtype;
        Length = length;
    }

    internal DType DType { get; }

    /// <summary>The length of every array in this bucket.</summary>
    internal int Length { get; }

    internal long ArrayBytes => (long)Length * DType.ElementSize();

    /// <summary>Number of free arrays (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            lock (_free) return _free.Count;
        }
    }

    /// <summary>Pops a free array, or returns null when there is none.</summary>
    internal Array? TryTake()
    {
        lock (_free)
        {
            _lastRequestMilliseconds = Environment.TickCount64;
            return _free.TryPop(out Array? array) ? array : null;
        }
    }

    /// <summary>
    /// Takes back an array whose lease died or was released by its scope. A bucket keeps at
    /// most two collection budgets of free arrays, or <see cref="MinKept"/> when those are more: a larger
    /// stock would only be a backlog that the pool cycles through (each collection returning as many
    /// arrays as were taken since the last), spreading the work over more memory than it needs; one
    /// budget measured too tight (a forward-backward step taking a little more than a budget between
    /// collections dropped an array at each and allocated it again).
    /// </summary>
    internal void Return(Array array)
    {
        PoolCollector.NoteReturned(ArrayBytes);
        if (StoragePool.PoisonReturns) Poison(array);
        lock (_free)
        {
            if (_free.Count < MinKept || (_free.Count + 1) * ArrayBytes <= 2 * PoolCollector.Budget) _free.Push(array);
        }
    }

    /// <summary>Drops every free array when no rent asked this bucket since <paramref name="milliseconds"/>
    /// (<see cref="Environment.TickCount64"/>); returns the bytes dropped.</summary>
    internal long TrimIfIdleSince(long milliseconds)
    {
        lock (_free)
        {
            if (_free.Count == 0 || _lastRequestMilliseconds >= milliseconds) return 0;
            long bytes = _free.Count * ArrayBytes;
            _free.Clear();
            return bytes;
        }
    }

    private static void Poison(Array array)
    {
        if (array is float[] f) f.AsSpan().Fill(float.NaN);
        else ((double[])array).AsSpan().Fill(double.NaN);
    }
}
