using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Models.Decompositions;

/// <summary>Stops a ring fit once a sweep's relative error reaches the target.</summary>
internal sealed class TensorRingAlsTarget(double target) : Callback
{
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        if (epoch.MeanLoss <= target)
            run.RequestStop($"The relative error {epoch.MeanLoss:G3} reached TargetError = {target:G3} after {epoch.Epoch + 1} sweeps.");
    }
}
