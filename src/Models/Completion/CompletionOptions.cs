using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// Settings of <see cref="CpCompletion"/>, <see cref="TuckerCompletion"/> and <see cref="TtCompletion"/>.
/// Every property has a documented default.
/// </summary>
/// <example><code>
/// var options = new CompletionOptions { MaxSteps = 100, L2Penalty = 1e-3, Seed = 4 };
/// var result = CpCompletion.Fit(x, mask, rank: 2, options);
/// </code></example>
public sealed record CompletionOptions
{
    /// <summary>The optimizer. Default <see cref="CompletionOptimizer.Lbfgs"/>.</summary>
    public CompletionOptimizer Optimizer { get; init; } = CompletionOptimizer.Lbfgs;

    /// <summary>Maximum number of optimizer steps (trainer epochs). An L-BFGS step runs up to
    /// <see cref="LbfgsIterationsPerStep"/> iterations; an Adam step is one update. Default 50.</summary>
    public int MaxSteps { get; init; } = 50;

    /// <summary>L-BFGS iterations per step. Default 20.</summary>
    public int LbfgsIterationsPerStep { get; init; } = 20;

    /// <summary>The learning rate: L-BFGS's initial step length η, or Adam's step size. Default null: 1 for
    /// L-BFGS, 1e-2 for Adam.</summary>
    public double? LearningRate { get; init; }

    /// <summary>λ ≥ 0 in the penalty (λ/2)·Σ_θ ‖θ‖² over every factor and core. Default 0 (no penalty).</summary>
    public double L2Penalty { get; init; }

    /// <summary>Stop when a step lowers the loss by less than this fraction of the previous step's loss:
    /// (previous − current) / previous &lt; tolerance. Default 1e-12; 0 runs all <see cref="MaxSteps"/> steps
    /// unless the loss stops changing exactly.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Standard deviation s of the normal entries of the starting factors and cores. Default null:
    /// s is chosen so that the starting model's entries have the observed values' root mean square
    /// (for example s = (rms²/R)^(1/2N) for a rank-R CP model of order N).</summary>
    public double? InitialScale { get; init; }

    /// <summary>Seed of the generator that draws the starting factors and cores. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Number of fits from different random starts, drawn with seeds <see cref="Seed"/>, Seed + 1, …;
    /// the fit with the lowest final loss is returned. A completion's loss has poor local minima: in two sets of six
    /// planted rank-2 CP problems (12×11×10, 30% observed, default options), single starts recovered an
    /// unobserved-entry error below 1e-5 in 16 and 12 of 24 fits, four starts in 22 of 24 and 6 of 6. A start that diverges is
    /// passed over; <see cref="Callbacks"/> see every start's run. The result's
    /// <see cref="CompletionResult{TDecomposition}.Seed"/> says which start won. Default 1.</summary>
    public int Starts { get; init; } = 1;

    /// <summary>Extra callbacks handed to the trainer (progress, logging); they see one epoch per step.
    /// Default: none.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];
}
