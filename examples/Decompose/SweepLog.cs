using TensorNetworks.Training.Callbacks;

/// <summary>One progress line per CP-ALS sweep: the relative error √loss / ‖X‖ and the elapsed time.</summary>
internal sealed class SweepLog(double normX, int sweeps) : Callback
{
    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch) =>
        Console.WriteLine($"  CP-ALS sweep {epoch.Epoch + 1}/{sweeps}: relative error {Math.Sqrt(Math.Max(epoch.MeanLoss, 0)) / normX:F4}, {epoch.Elapsed.TotalSeconds:F1} s");
}
