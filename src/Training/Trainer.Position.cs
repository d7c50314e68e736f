namespace TensorNetworks.Training;

public static partial class Trainer
{
    /// <summary>
    /// What the loop carries from step to step and through a checkpoint: steps done, the epoch in progress
    /// and its batches done (all of them while the epoch's end is pending), the running sums of that epoch's
    /// loss, the previous epoch's mean loss and the last step's scheme metrics.
    /// </summary>
    private sealed class Position
    {
        public long Step;
        public int Epoch;
        public int BatchInEpoch;
        public double EpochLossSum;
        public long EpochSamples;
        public double? PreviousEpochLoss;
        public IReadOnlyDictionary<string, double> StepMetrics = new Dictionary<string, double>();
    }
}
