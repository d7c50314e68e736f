namespace TensorNetworks;

/// <summary>
/// The free arrays of one dtype and one <see cref="SizeClass"/>: a locked stack, so that the last array
/// returned (the one most likely still in cache) is the next one rented. Remembers the trim epoch of its
/// last request so that <see cref="PoolTrimming"/> can drop the arrays of sizes no longer in use.
/// </summary>
internal sealed class PoolBucket
{
    private readonly Stack<Array> _free = new();
    private int _lastRequestEpoch;

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
            _lastRequestEpoch = PoolTrimming.Epoch;
            return _free.TryPop(out Array? array) ? array : null;
        }
    }

    /// <summary>Takes back an array whose lease was finalized (called on the finalizer thread).</summary>
    internal void Return(Array array)
    {
        if (StoragePool.PoisonReturns) Poison(array);
        lock (_free) _free.Push(array);
        PoolCollector.NoteReturned(ArrayBytes);
    }

    /// <summary>Drops every free array when no rent asked this bucket since <paramref name="epoch"/>; returns the bytes dropped.</summary>
    internal long TrimIfIdleSince(int epoch)
    {
        lock (_free)
        {
            if (_free.Count == 0 || _lastRequestEpoch >= epoch) return 0;
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
