using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TensorNetworks;

/// <summary>How a tensor holds its storage: fresh arrays, pooled arrays with their lease, and views.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Keeps pooled storage out of its pool while this tensor or any view of it is reachable; null when
    /// the array is not pooled. Every tensor that shares <see cref="Data"/> shares this lease.
    /// </summary>
    private readonly StorageLease? _lease;

    private readonly Array _data;

    /// <summary>Counts in-place updates of the storage; made on the first update or view, then shared by every view.</summary>
    private StorageVersion? _version;

    /// <summary>Identifies the storage (<see cref="StorageIds"/>): every new storage takes a new id and
    /// views keep their source's, so the id tells when and on which thread the storage was created.</summary>
    internal readonly long StorageId;

    /// <summary>A tensor over new storage that no other tensor shares (e.g. an array copied from a caller).</summary>
    internal Tensor(Array data, int[] dims) : this(data, null, StorageIds.Next(), dims)
    {
    }

    private Tensor(Array data, StorageLease? lease, long storageId, int[] dims)
    {
        _data = data;
        _lease = lease;
        StorageId = storageId;
        Dims = dims;
        DType = data is float[] ? DType.Float32 : DType.Float64;
        ElementCount = Shape.ElementCountOf(dims);
        if (data.Length < ElementCount)
            throw new ArgumentException($"Storage of {data.Length} elements is too small for shape {Shape}.");
    }

    /// <summary>
    /// The storage array, which may be longer than <see cref="ElementCount"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">When a <see cref="TensorScope"/> released the storage.</exception>
    internal Array Data
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_lease is { IsReleased: true }) ThrowReleased();
            return _data;
        }
    }

    /// <summary>The lease of pooled storage, or null (for <see cref="TensorScope"/>).</summary>
    internal StorageLease? Lease => _lease;

    /// <summary>True when a <see cref="TensorScope"/> released this tensor's storage.</summary>
    public bool IsReleased => _lease is { IsReleased: true };

    /// <summary>Takes this tensor's storage out of every scope: only the garbage collector frees it.</summary>
    internal void LeaveScopes()
    {
        if (_lease is { Owner: not null } lease) lease.Owner = null;
    }

    [DoesNotReturn]
    private void ThrowReleased() => throw new ObjectDisposedException(nameof(Tensor),
        $"This {DType} tensor of shape {Shape} was released when the TN.Scope() it was created in ended. Keep it with scope.Keep(tensor) to use it after the scope, or create it outside the scope.");

    internal static Tensor Create<T>(T[] data, int[] dims) where T : unmanaged => new(data, dims);

    /// <summary>Allocates an uninitialized tensor: every element must be written by the caller.
    /// Large storage comes from <see cref="StoragePool"/> and may hold stale values.</summary>
    internal static Tensor Uninitialized(DType dtype, int[] dims)
    {
        int n = Shape.ElementCountOf(dims);
        StorageLease? lease = null;
        Array data = (long)n * (dtype == DType.Float32 ? sizeof(float) : sizeof(double)) < StoragePool.MinPooledBytes
            ? StoragePool.Allocate(dtype, n)
            : StoragePool.Rent(dtype, n, out lease);
        return new Tensor(data, lease, StorageIds.Next(), dims);
    }

    /// <summary>Allocates a zero-filled tensor.</summary>
    internal static Tensor ZerosOf(DType dtype, int[] dims)
    {
        Tensor t = Uninitialized(dtype, dims);
        if (dtype == DType.Float32) t.Span<float>().Clear();
        else t.Span<double>().Clear();
        return t;
    }

    /// <summary>
    /// This tensor's storage under extents <paramref name="dims"/> (same or fewer elements), as a new leaf
    /// that carries the storage's lease, so the storage stays out of the pool while either is reachable.
    /// Records nothing: callers that need a gradient record it themselves.
    /// </summary>
    internal Tensor ViewAs(int[] dims) => new(Data, _lease, StorageId, dims) { _version = SharedVersion() };

    /// <summary>The number of in-place updates of this tensor's storage (through it or any view).</summary>
    internal int Version => Volatile.Read(ref _version)?.Value ?? 0;

    /// <summary>Counts an in-place update of the storage, for the backward pass's check.</summary>
    internal void MarkModified() => SharedVersion().Increment();

    private StorageVersion SharedVersion()
    {
        StorageVersion? version = Volatile.Read(ref _version);
        if (version is not null) return version;
        Interlocked.CompareExchange(ref _version, new StorageVersion(), null);
        return _version!;
    }

    /// <summary>True when both tensors read the same storage.</summary>
    internal bool SharesStorageWith(Tensor other) => ReferenceEquals(Data, other.Data);
}
