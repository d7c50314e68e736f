using System.Buffers;

namespace TensorNetworks.Backends;

/// <summary>A workspace rented from <see cref="ArrayPool{T}.Shared"/> and returned on dispose: <c>using var w = new PooledArray&lt;T&gt;(n);</c>.</summary>
internal readonly struct PooledArray<T> : IDisposable
{
    /// <summary>Rents at least <paramref name="length"/> (and at least one) elements; the contents are unspecified.</summary>
    internal PooledArray(int length) => Array = ArrayPool<T>.Shared.Rent(Math.Max(1, length));

    /// <summary>The rented array (possibly longer than asked for).</summary>
    internal T[] Array { get; }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose() => ArrayPool<T>.Shared.Return(Array);
}
