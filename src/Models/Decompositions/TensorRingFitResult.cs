using TensorNetworks.Training;

namespace TensorNetworks.Models.Decompositions;

/// <summary>The outcome of <see cref="TensorRingAls.Fit"/> and <see cref="TensorRingGradient.Fit"/>.</summary>
/// <param name="Ring">The fitted ring (detached cores in the input's dtype).</param>
/// <param name="ErrorHistory">The relative error ‖T − ring‖_F/‖T‖_F after each sweep (ALS; non-increasing up to
/// rounding, because each core update is an exact least-squares solve) or each L-BFGS step (gradient fit).</param>
/// <param name="StopReason">Why the fit ended (<see cref="StopReason.Converged"/> for <see cref="TensorRingAlsOptions.Tolerance"/>,
/// <see cref="StopReason.Requested"/> for <see cref="TensorRingAlsOptions.TargetError"/>).</param>
/// <param name="Message">A sentence saying why.</param>
/// <param name="Start">Which start this fit came from (0-based; <see cref="TensorRingAlsOptions.Starts"/>,
/// <see cref="TensorRingGradientOptions.Starts"/>), 0 for a single start.</param>
/// <example><code>
/// TensorRingFitResult fit = TensorRingAls.Fit(t, [2, 2, 2, 2]);
/// Console.WriteLine($"{fit.ErrorHistory.Count} sweeps, error {fit.ErrorHistory[^1]:G3}: {fit.Message}");
/// </code></example>
public sealed record TensorRingFitResult(TensorRing Ring, IReadOnlyList<double> ErrorHistory, StopReason StopReason, string Message, int Start = 0);
