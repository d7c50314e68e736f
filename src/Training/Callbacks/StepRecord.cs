namespace TensorNetworks.Training.Callbacks;

/// <summary>What one step did.</summary>
/// <param name="Step">Global step number, 0-based.</param>
/// <param name="Epoch">Epoch, 0-based.</param>
/// <param name="BatchIndex">Position of the batch within its epoch, 0-based.</param>
/// <param name="Loss">The loss value the scheme reported.</param>
/// <param name="Samples">Samples in the batch.</param>
/// <param name="Elapsed">Wall time since the run (or the resumed run) started.</param>
/// <param name="Metrics">The scheme's scalars after the step (learning rate, bond dimensions, ...).</param>
public sealed record StepRecord(long Step, int Epoch, int BatchIndex, double Loss, int Samples, TimeSpan Elapsed, IReadOnlyDictionary<string, double> Metrics);
