using TensorNetworks.Training;
using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Turns each epoch's squared error ‖X − X̂‖² into the fit 1 − ‖X − X̂‖/‖X‖, records it, and stops the run
/// once the fit changes by less than the tolerance between two consecutive sweeps.
/// </summary>
internal sealed class FitMonitor(string algorithm, double normX, double tolerance) : Callback
{
    private readonly List<double> _history = [];

    /// <summary>The fit after each sweep, in order.</summary>
    public IReadOnlyList<double> History => _history;

    /// <summary>Whether the run stopped because the fit change fell below the tolerance.</summary>
    public bool Converged { get; private set; }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        double residual = Math.Sqrt(Math.Max(epoch.MeanLoss, 0));
        double fit = normX > 0 ? 1 - residual / normX : (residual == 0 ? 1 : double.NegativeInfinity);
        _history.Add(fit);
        if (_history.Count < 2) return;
        double change = Math.Abs(fit - _history[^2]);
        if (change < tolerance)
        {
            Converged = true;
            run.RequestStop($"{algorithm}: the fit changed by {change:G3} in sweep {_history.Count}, less than the tolerance {tolerance:G3}.");
        }
    }
}
