using TensorNetworks.Training;

namespace TensorNetworks.Models.Decompositions;

/// <summary>The outcome of <see cref="Hooi.Fit"/>.</summary>
/// <param name="Decomposition">The fitted Tucker tensor (orthonormal factors, core G = X ×ₖ Uₖᵀ).</param>
/// <param name="FitHistory">The fit 1 − ‖X − X̂‖/‖X‖ after each sweep; its length is the number of sweeps run.</param>
/// <param name="Converged">True when the run stopped because the fit changed by less than the tolerance.</param>
/// <param name="Run">The trainer's record of the run.</param>
/// <example><code>
/// HooiResult r = Hooi.Fit(x, [3, 3, 2]);
/// double error = 1 - r.FitHistory[^1];
/// </code></example>
public sealed record HooiResult(TuckerTensor Decomposition, IReadOnlyList<double> FitHistory, bool Converged, FitResult Run);
