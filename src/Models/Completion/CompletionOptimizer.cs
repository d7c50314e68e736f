namespace TensorNetworks.Models.Completion;

/// <summary>The optimizer that minimizes a completion loss.</summary>
public enum CompletionOptimizer
{
    /// <summary>L-BFGS with a strong-Wolfe line search (full batch; the default, fast on small problems).</summary>
    Lbfgs,

    /// <summary>Adam (first-order; for large observed sets or when L-BFGS is too memory hungry).</summary>
    Adam,
}
