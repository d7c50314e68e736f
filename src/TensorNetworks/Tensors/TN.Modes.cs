using TensorNetworks.Backends;

namespace TensorNetworks;

public static partial class TN
{
    /// <summary>Stops recording operations for autodiff on this thread until the scope is disposed.</summary>
    /// <example><code>using (TN.NoGrad()) { var y = x * 2; } // y.RequiresGrad == false</code></example>
    public static NoGradScope NoGrad() => new();

    /// <summary>
    /// Opens a <see cref="TensorScope"/> on this thread: the large tensors created until it is disposed are
    /// released at that moment (their storage reused at once) unless kept with <see cref="TensorScope.Keep(Tensor)"/>.
    /// </summary>
    /// <example><code>
    /// using (var scope = TN.Scope())
    /// {
    ///     var y = (x * x).Exp();       // released at the end of the block
    ///     result = scope.Keep(y.Sum()); // kept
    /// }
    /// </code></example>
    public static TensorScope Scope() => new();

    /// <summary>Whether operations on this thread are currently recorded for autodiff.</summary>
    public static bool IsGradEnabled => Autograd.IsEnabled;

    /// <summary>Which numeric backend is active and why, e.g. "openblas (/usr/lib/.../libopenblas.so.0)".</summary>
    public static string BackendInfo => Backend.Description;
}
