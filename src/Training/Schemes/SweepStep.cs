namespace TensorNetworks.Training.Schemes;

/// <summary>How much of a sweep one <see cref="TwoSiteSweep"/> step performs.</summary>
public enum SweepStep
{
    /// <summary>One bond update per step; the sweep position carries over to the next step (mini-batch training).</summary>
    Bond,

    /// <summary>A full sweep per step: every bond left to right, then right to left (full-batch fitting).</summary>
    FullSweep,
}
