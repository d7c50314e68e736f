using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training;

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed,
    /// <summary><see cref="TrainOptions.MaxSteps"/> was reached.</summary>
    MaxSteps,
    /// <summary>The epoch loss stopped improving by <see cref="TrainOptions.LossTolerance"/>.</summary>
    Converged,
    /// <summary>A callback asked to stop (early stopping).</summary>
    Requested,
    /// <summary>An exception ended the run.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="Trainer.Fit"/>.</summary>
/// <param name="StopReason">Why the run ended.</param>
/// <param name="Message">A sentence saying why (the callback's reason, the tolerance reached, ...).</param>
/// <param name="Steps">Steps completed in total (including those before a resume).</param>
/// <param name="Epochs">Epochs ended in total (an epoch whose last step ran but whose end did not, because a
/// callback asked to stop at that step, is not counted).</param>
/// <param name="FinalLoss">The last step's loss (NaN when no step ran).</param>
/// <param name="History">One record per epoch ended in this call.</param>
/// <param name="Elapsed">Wall time of this call.</param>
public sealed record FitResult(StopReason StopReason, string Message, long Steps, int Epochs, double FinalLoss, IReadOnlyList<EpochRecord> History, TimeSpan Elapsed);
