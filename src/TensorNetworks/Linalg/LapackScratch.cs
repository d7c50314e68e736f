using System.Buffers;

namespace TensorNetworks;

/// <summary>
/// A copy of a matrix for LAPACK to overwrite, returned on dispose. Small copies (below
/// <see cref="StoragePool.MinPooledBytes"/>) come from <see cref="ArrayPool{T}.Shared"/>, so the many small
/// factorizations of a TT sweep leave no garbage behind; large ones come from the tensor storage pool, whose
/// buckets serve the large-object sizes.
/// </summary>
/// <example><code>
/// using var work = LapackScratch&lt;double&gt;.CopyOf(a);
/// lapack.Svd(m, n, work.Span, u, s, vt);
/// </code></example>
internal readonly struct LapackScratch<T> : IDisposable where T : unmanaged
{
    private readonly T[]? _rented;
    private readonly Tensor? _storage;
    private readonly int _length;

    private LapackScratch(T[]? rented, Tensor? storage, int length)
    {
        _rented = rented;
        _storage = storage;
        _length = length;
    }

    /// <summary>The copied elements, row-major as in the source tensor.</summary>
    internal Span<T> Span => _rented is not null ? _rented.AsSpan(0, _length) : _storage!.Span<T>();

    /// <summary>Copies the elements of <paramref name="a"/> (whose dtype must be <typeparamref name="T"/>).</summary>
    internal static LapackScratch<T> CopyOf(Tensor a)
    {
        int n = a.ElementCount;
        LapackScratch<T> scratch = (long)n * a.DType.ElementSize() < StoragePool.MinPooledBytes
            ? new(ArrayPool<T>.Shared.Rent(Math.Max(1, n)), null, n)
            : new(null, Tensor.Uninitialized(a.DType, [n]), n);
        a.Span<T>().CopyTo(scratch.Span);
        GC.KeepAlive(a);
        return scratch;
    }

    /// <summary>Returns a rented array to its pool (pooled storage goes back when the scratch tensor is collected).</summary>
    public void Dispose()
    {
        if (_rented is not null) ArrayPool<T>.Shared.Return(_rented);
        GC.KeepAlive(_storage);
    }
}
