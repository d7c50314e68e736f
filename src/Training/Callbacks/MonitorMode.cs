namespace TensorNetworks.Training.Callbacks;

/// <summary>Which direction of a monitored value is better.</summary>
public enum MonitorMode
{
    /// <summary>Smaller is better (losses, errors).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, likelihood).</summary>
    Maximize,
}
