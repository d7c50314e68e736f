using TensorNetworks.Backends;

namespace TensorNetworks;

public static partial class TN
{
    /// <summary>Stops recording operations for autodiff on this thread until the scope is disposed.</summary>
    /// <example><code>using (TN.NoGrad()) { var y = x * 2; } // y.RequiresGrad == false</code></example>
    public static NoGradScope NoGrad() => new();

    /// <summary>Whether operations on this thread are currently recorded for autodiff.</summary>
    public static bool IsGradEnabled => Autograd.IsEnabled;

    /// <summary>Which numeric backend is active and why, e.g. "openblas (/usr/lib/.../libopenblas.so.0)".</summary>
    public static string BackendInfo => Backend.Description;
}
