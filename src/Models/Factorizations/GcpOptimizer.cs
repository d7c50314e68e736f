namespace TensorNetworks.Models.Factorizations;

/// <summary>The optimizer of <see cref="Gcp.Fit"/>.</summary>
public enum GcpOptimizer
{
    /// <summary><see cref="Lbfgs"/> for full-batch fits, <see cref="Adam"/> for sampled fits (as pyttb's gcp_opt:
    /// L-BFGS-B on the whole tensor, Adam on sampled gradients).</summary>
    Auto,

    /// <summary>L-BFGS with a strong-Wolfe line search (needs exact gradients: full batch only).</summary>
    Lbfgs,

    /// <summary>Adam.</summary>
    Adam,
}
