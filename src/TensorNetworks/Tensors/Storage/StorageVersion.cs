namespace TensorNetworks;

/// <summary>
/// Counts the in-place updates of one storage, shared by a tensor and every view of it. A recorded op whose
/// products read values notes the count of each of its inputs and of its result; before any product runs, the
/// backward pass refuses a graph with an op whose tensors were updated since (<see cref="Node.ThrowIfModified"/>),
/// where it would otherwise compute a gradient from values the forward pass never saw.
/// </summary>
/// <example><code>var y = (w * x).Sum(); x.FillInPlace(100); y.Backward(); // throws: x changed after Multiply read it</code></example>
internal sealed class StorageVersion
{
    private int _value;

    /// <summary>The number of in-place updates so far.</summary>
    internal int Value => Volatile.Read(ref _value);

    /// <summary>Counts one more update.</summary>
    internal void Increment() => Interlocked.Increment(ref _value);
}
