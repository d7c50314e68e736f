namespace TensorNetworks;

/// <summary>
/// Holds one pooled array on behalf of a tensor and every view of it (they all reference this lease).
/// The array goes back to its bucket exactly once: after the garbage collector finds that none of them
/// is reachable any more (<see cref="LeaseRegistry"/>), or earlier, when the <see cref="TensorScope"/>
/// that owns the lease ends (<see cref="Release"/>), after which every tensor over it refuses to be read.
/// </summary>
/// <remarks>
/// Only tensors reference a lease; code that reads a tensor's storage must therefore keep the tensor
/// itself reachable until it is done (<see cref="GC.KeepAlive(object?)"/>), not just the array.
/// </remarks>
internal sealed class StorageLease
{
    private readonly LeaseRegistry.Entry _entry;

    internal StorageLease(Array array, PoolBucket bucket, TensorScope? owner)
    {
        _entry = LeaseRegistry.Add(this, array, bucket);
        Owner = owner;
    }

    /// <summary>The scope that releases this lease when it ends; null when only the garbage collector does.</summary>
    internal TensorScope? Owner { get; set; }

    /// <summary>True while <see cref="LeaseRegistry"/> watches this lease (until a scope releases it).</summary>
    internal bool IsRegistered => _entry.Index >= 0;

    /// <summary>True once a scope gave the array back: the tensors over it must not be read.</summary>
    internal bool IsReleased { get; private set; }

    /// <summary>Gives the array back to its bucket now, instead of at finalization.</summary>
    internal void Release()
    {
        if (IsReleased) return;
        IsReleased = true;
        LeaseRegistry.Remove(_entry);
        _entry.Bucket.Return(_entry.Array);
    }
}
