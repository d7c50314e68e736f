namespace TensorNetworks;

/// <summary>
/// Holds one pooled array on behalf of a tensor and every view of it (they all reference this lease).
/// When none of them is reachable any more, the garbage collector finalizes the lease, which hands the
/// array back to its bucket: the array is returned exactly once, and never while a tensor can still
/// reach it.
/// </summary>
/// <remarks>
/// Only tensors reference a lease; code that reads a tensor's storage must therefore keep the tensor
/// itself reachable until it is done (<see cref="GC.KeepAlive(object?)"/>), not just the array.
/// </remarks>
internal sealed class StorageLease
{
    private readonly Array _array;
    private readonly PoolBucket _bucket;

    internal StorageLease(Array array, PoolBucket bucket)
    {
        _array = array;
        _bucket = bucket;
    }

    ~StorageLease() => _bucket.Return(_array);
}
