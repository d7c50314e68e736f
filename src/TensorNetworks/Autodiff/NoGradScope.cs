namespace TensorNetworks;

/// <summary>
/// While alive, operations on this thread record nothing for autodiff. Obtain one with
/// <see cref="TN.NoGrad"/> in a <c>using</c> statement; disposing restores the previous mode.
/// </summary>
/// <example><code>
/// using (TN.NoGrad())
/// {
///     var prediction = model.Forward(x); // no graph is built
/// }
/// </code></example>
public sealed class NoGradScope : IDisposable
{
    private bool _disposed;

    internal NoGradScope() => Autograd.EnterNoGrad();

    /// <summary>Leaves the scope; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Autograd.ExitNoGrad();
    }
}
