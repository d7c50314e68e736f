namespace TensorNetworks;

/// <summary>
/// Releases the large tensors created inside it when it is disposed, instead of waiting for the garbage
/// collector to find them dead: their storage goes straight back to the pool, still in cache, for the next
/// operation to reuse. This is what PyTorch's reference counting does for every tensor, and what
/// TorchSharp's dispose scopes do; open one around a loop body whose intermediates die at its end.
/// </summary>
/// <remarks>
/// <para>Only pooled storage (tensors of 64 KB and more) is tracked; smaller tensors are left to the
/// garbage collector as always. A tensor whose storage was released throws
/// <see cref="ObjectDisposedException"/> when read; <see cref="Keep(Tensor)"/> a result to use it after
/// the scope (it then belongs to the enclosing scope, or to the garbage collector at the outermost level).
/// Views share their source's storage and are released and kept with it. A leaf's gradient written by
/// <see cref="Tensor.Backward"/> inside a scope is kept automatically, so a training step can run in one.</para>
/// <para>Scopes nest and belong to the thread that opened them: dispose them on that thread, innermost
/// first. Tensors created on other threads are not tracked.</para>
/// </remarks>
/// <example><code>
/// Tensor total = TN.Zeros(1000, 1000);
/// for (int i = 0; i &lt; 100; i++)
/// {
///     using var scope = TN.Scope();
///     Tensor step = (a * b).Exp();        // released when the scope ends
///     total = scope.Keep(total + step);   // survives it
/// }
/// </code></example>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? t_current;

    private readonly TensorScope? _outer;
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private readonly List<StorageLease> _leases = [];
    private bool _disposed;

    internal TensorScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost scope open on this thread, or null.</summary>
    internal static TensorScope? Current => t_current;

    internal void Track(StorageLease lease) => _leases.Add(lease);

    /// <summary>
    /// Lets <paramref name="tensor"/> (and every view of its storage) outlive this scope: it moves to the
    /// enclosing scope, or to the garbage collector when there is none. Tensors this scope does not own
    /// are returned unchanged.
    /// </summary>
    /// <returns><paramref name="tensor"/>, for chaining.</returns>
    /// <exception cref="ObjectDisposedException">When this scope has already ended.</exception>
    public Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        StorageLease? lease = tensor.Lease;
        if (lease is not null && lease.Owner == this)
        {
            lease.Owner = _outer;
            _outer?.Track(lease);
        }
        return tensor;
    }

    /// <summary>Keeps every tensor of <paramref name="tensors"/>; see <see cref="Keep(Tensor)"/>.</summary>
    public void Keep(params IEnumerable<Tensor> tensors)
    {
        foreach (Tensor t in tensors) Keep(t);
    }

    /// <summary>Releases the storage of every tensor created in this scope and not kept.</summary>
    /// <exception cref="InvalidOperationException">When called on another thread, or while a scope opened
    /// inside this one is still open.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException($"A TensorScope must be disposed on the thread that opened it (thread {_threadId}), not on thread {Environment.CurrentManagedThreadId}.");
        if (t_current != this)
            throw new InvalidOperationException("A TensorScope was disposed while a scope opened inside it is still open; dispose scopes innermost first (use 'using').");
        _disposed = true;
        t_current = _outer;
        foreach (StorageLease lease in _leases)
        {
            if (lease.Owner == this) lease.Release();
        }
        _leases.Clear();
    }
}
