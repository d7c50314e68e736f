namespace TensorNetworks.Training.Callbacks;

/// <summary>What one epoch did.</summary>
/// <param name="Epoch">Epoch, 0-based.</param>
/// <param name="Step">Global step count at the end of the epoch.</param>
/// <param name="MeanLoss">Mean of the step losses, weighted by batch size.</param>
/// <param name="Metrics">Validation metrics (<see cref="TrainOptions.Validate"/>) and the scheme's scalars.</param>
/// <param name="Elapsed">Wall time since the run (or the resumed run) started.</param>
/// <param name="Validation">The validation metrics alone (empty without <see cref="TrainOptions.Validate"/>).</param>
public sealed record EpochRecord(int Epoch, long Step, double MeanLoss, IReadOnlyDictionary<string, double> Metrics, TimeSpan Elapsed, IReadOnlyDictionary<string, double> Validation);
