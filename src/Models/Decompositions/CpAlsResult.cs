using TensorNetworks.Training;

namespace TensorNetworks.Models.Decompositions;

/// <summary>The outcome of <see cref="CpAls.Fit"/>.</summary>
/// <param name="Decomposition">The fitted CP tensor, columns of every factor normalized to unit length
/// with the scales in the weights λ.</param>
/// <param name="FitHistory">The fit 1 − ‖X − X̂‖/‖X‖ after each sweep; its length is the number of sweeps run.</param>
/// <param name="Converged">True when the run stopped because the fit changed by less than the tolerance.</param>
/// <param name="Run">The trainer's record of the run (stop reason, steps, per-epoch squared errors).</param>
/// <example><code>
/// CpAlsResult r = CpAls.Fit(x, 3);
/// Console.WriteLine($"fit {r.FitHistory[^1]:F6} after {r.FitHistory.Count} sweeps");
/// </code></example>
public sealed record CpAlsResult(CpTensor Decomposition, IReadOnlyList<double> FitHistory, bool Converged, FitResult Run);
