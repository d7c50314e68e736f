using TensorNetworks.Training;

namespace TensorNetworks.Models.Completion;

/// <summary>The outcome of a completion fit.</summary>
/// <typeparam name="TDecomposition">The fitted format: <c>CpTensor</c>, <c>TuckerTensor</c> or <c>TensorTrain</c>.</typeparam>
/// <param name="Decomposition">The fitted model; its dense form predicts every entry, observed or not.</param>
/// <param name="LossHistory">The loss L = ½ Σ_{i∈Ω} (xᵢ − mᵢ)² + (λ/2) Σ_θ ‖θ‖² at the start of each step,
/// followed by the loss at the returned model (so its length is the number of steps run plus one).</param>
/// <param name="Run">The trainer's record of the run (stop reason, steps, wall time).</param>
/// <example><code>
/// CompletionResult&lt;CpTensor&gt; r = CpCompletion.Fit(x, mask, 2);
/// Console.WriteLine($"loss {r.LossHistory[^1]:G3} after {r.Run.Steps} steps ({r.Run.StopReason})");
/// </code></example>
public sealed record CompletionResult<TDecomposition>(TDecomposition Decomposition, IReadOnlyList<double> LossHistory, FitResult Run)
{
    /// <summary>The seed of the start this fit came from: <see cref="CompletionOptions.Seed"/> plus the start's
    /// index when <see cref="CompletionOptions.Starts"/> tried several.</summary>
    public ulong Seed { get; init; }
}
