namespace TensorNetworks;

/// <summary>
/// Reuses the storage of large tensors. Allocating a fresh array of 85 KB or more puts it on the large
/// object heap, and a few of those per operation keep the garbage collector running full background
/// collections (a 1M-element add costs ~10 ms instead of ~0.3 ms). Instead, storage of at least
/// <see cref="MinPooledBytes"/> is rented from buckets of one <see cref="SizeClass"/> each; a
/// <see cref="StorageLease"/> shared by the tensor and all its views returns the array when none of them
/// is reachable any more, and <see cref="PoolCollector"/> runs the collections that find those.
/// </summary>
/// <remarks>
/// Tensors stay GC-owned unless a <see cref="TensorScope"/> releases them: an array is returned only when
/// no tensor can read it, or when the scope that created it ends (its tensors then refuse to be read). A rented array may be longer than the tensor (<c>Data.Length ≥ ElementCount</c>);
/// only the first <c>ElementCount</c> elements belong to it. Set the environment variable
/// <c>TN_POOL=0</c> to allocate every tensor fresh (for debugging; read once, at first use).
/// </remarks>
internal static class StoragePool
{
    /// <summary>
    /// Storage smaller than this (in bytes) is allocated fresh. Arrays from 85,000 bytes up go to the large
    /// object heap, where a 32K-element Float32 add measured ~0.9 ms fresh against ~0.03 ms pooled; below
    /// that, gen-0 allocation is cheap and pooling measured no better (16K elements: ~5-7 µs either way).
    /// </summary>
    internal const int MinPooledBytes = 1 << 16;

    private static readonly PoolBucket?[] s_float = Buckets(DType.Float32);
    private static readonly PoolBucket?[] s_double = Buckets(DType.Float64);

    private static readonly bool s_trimmingStarted = PoolTrimming.Start();

    /// <summary>False when <c>TN_POOL=0</c>: every tensor then gets a fresh array.</summary>
    internal static bool Enabled { get; } = Environment.GetEnvironmentVariable("TN_POOL") != "0";

    /// <summary>Fills every returned array with NaN, so that a kernel reading storage it did not write
    /// fails loudly (the test suite turns this on).</summary>
    internal static bool PoisonReturns { get; set; }

    /// <summary>
    /// An uninitialized array of at least <paramref name="length"/> elements; <paramref name="lease"/> is
    /// non-null when the array is pooled, and must then be held by every tensor that uses the array.
    /// </summary>
    internal static Array Rent(DType dtype, int length, out StorageLease? lease)
    {
        lease = null;
        PoolBucket? bucket = Enabled ? BucketFor(dtype, length) : null;
        if (bucket is null) return Allocate(dtype, length);
        Array? array = bucket.TryTake();
        if (array is null && LeaseRegistry.ReturnDead() > 0) array = bucket.TryTake();
        if (array is null && PoolCollector.CollectIfDue()) array = bucket.TryTake();
        array ??= Allocate(dtype, bucket.Length);
        PoolCollector.NoteRented(bucket.ArrayBytes);
        TensorScope? scope = TensorScope.Current;
        lease = new StorageLease(array, bucket, scope);
        scope?.Track(lease);
        return array;
    }

    /// <summary>The bucket that serves <paramref name="length"/> elements of <paramref name="dtype"/>, or null when none does.</summary>
    internal static PoolBucket? BucketFor(DType dtype, int length)
    {
        if ((long)length * dtype.ElementSize() < MinPooledBytes) return null;
        int sizeClass = SizeClass.Of(length);
        PoolBucket?[] buckets = dtype == DType.Float32 ? s_float : s_double;
        return sizeClass < buckets.Length ? buckets[sizeClass] : null;
    }

    /// <summary>Drops the free arrays of every bucket idle since <paramref name="milliseconds"/>
    /// (<see cref="Environment.TickCount64"/>); returns the bytes dropped.</summary>
    internal static long TrimIdleSince(long milliseconds)
    {
        long bytes = 0;
        foreach (PoolBucket? bucket in s_float) bytes += bucket?.TrimIfIdleSince(milliseconds) ?? 0;
        foreach (PoolBucket? bucket in s_double) bytes += bucket?.TrimIfIdleSince(milliseconds) ?? 0;
        return bytes;
    }

    /// <summary>A fresh, unpooled, uninitialized array, advised to be backed by huge pages when it is large
    /// (<see cref="HugePages"/>).</summary>
    internal static Array Allocate(DType dtype, int length) => dtype == DType.Float32 ? Advised<float>(length) : Advised<double>(length);

    private static T[] Advised<T>(int length) where T : unmanaged
    {
        T[] array = GC.AllocateUninitializedArray<T>(length);
        HugePages.Advise(array);
        return array;
    }

    /// <summary>Indexed by size class: a bucket for each class from the smallest pooled length up to the
    /// largest whose arrays fit in <see cref="Array.MaxLength"/>; null below.</summary>
    private static PoolBucket?[] Buckets(DType dtype)
    {
        int first = SizeClass.Of(MinPooledBytes / dtype.ElementSize()), end = first;
        while (SizeClass.LengthOf(end) <= Array.MaxLength) end++;
        var buckets = new PoolBucket?[end];
        for (int c = first; c < end; c++) buckets[c] = new PoolBucket(dtype, (int)SizeClass.LengthOf(c));
        return buckets;
    }
}
