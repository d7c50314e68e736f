using TensorNetworks.Models.Decompositions;
using TensorNetworks.Training;

namespace TensorNetworks.Models.Factorizations;

/// <summary>The outcome of <see cref="Gcp.Fit"/>.</summary>
/// <param name="Decomposition">The fitted model M = [[A₀, …, A_{N−1}]] as a CP tensor with unit weights;
/// <c>Decomposition.ToDense()</c> is M, and the loss's <see cref="GcpLoss.Mean"/> of it the fitted means.</param>
/// <param name="Loss">The full objective F = Σᵢ wᵢ f(xᵢ, mᵢ) at the fitted factors (evaluated on the whole tensor, also after sampled fits).</param>
/// <param name="InitialLoss">F at the seeded starting factors.</param>
/// <param name="Run">The trainer's record of the run (epochs, per-epoch losses, stop reason).</param>
/// <example><code>
/// GcpResult r = Gcp.Fit(counts, 3, GcpLoss.PoissonLog);
/// Tensor rates = GcpLoss.PoissonLog.Mean(r.Decomposition.ToDense());
/// </code></example>
public sealed record GcpResult(CpTensor Decomposition, double Loss, double InitialLoss, FitResult Run);
