namespace TensorNetworks;

/// <summary>
/// Counts the in-place updates of one storage, shared by a tensor and every view of it. A recorded op
/// notes the count of each tensor it read and of its result; the backward pass refuses to run an op whose
/// tensors were updated since (<see cref="Node.ThrowIfModified"/>), where it would otherwise compute a
/// gradient from values the forward pass never saw.
/// </summary>
/// <example><code>var y = (w * x).Sum(); x.FillInPlace(100); y.Backward(); // throws: x changed after Mul read it</code></example>
internal sealed class StorageVersion
{
    private int _value;

    /// <summary>The number of in-place updates so far.</summary>
    internal int Value => Volatile.Read(ref _value);

    /// <summary>Counts one more update.</summary>
    internal void Increment() => Interlocked.Increment(ref _value);
}
