using TensorNetworks.Nn;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Stops the run when a monitored value has not improved for <c>patience</c> epochs in a row. The value
/// is the epoch mean loss (<c>monitor = "loss"</c>) or a metric of <see cref="EpochRecord.Metrics"/> (a
/// validation metric by name). With <see cref="MonitorMode.Minimize"/> an epoch improves when
/// value &lt; best − minDelta; with <see cref="MonitorMode.Maximize"/> when value &gt; best + minDelta.
/// A NaN never improves. With <c>restoreBest</c> it copies the parameters at each new best and puts
/// them back at the end of the run, however it ended.
/// </summary>
/// <example><code>
/// var options = new TrainOptions
/// {
///     Epochs = 200,
///     Validate = m => new Dictionary&lt;string, double&gt; { ["val_loss"] = ValidationLoss(m) },
///     Callbacks = { new EarlyStopping("val_loss", patience: 10, restoreBest: true) },
/// };
/// </code></example>
public sealed class EarlyStopping : Callback
{
    private readonly Dictionary<Parameter, Tensor> _bestValues = [];
    private int _epochsWithoutImprovement;

    /// <summary>Creates the callback.</summary>
    /// <exception cref="ArgumentException">When <paramref name="monitor"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="patience"/> is less than 1, or
    /// <paramref name="minDelta"/> is negative or not finite.</exception>
    /// <example><code>var stop = new EarlyStopping("accuracy", patience: 3, mode: MonitorMode.Maximize, restoreBest: true);</code></example>
    public EarlyStopping(string monitor = "loss", int patience = 5, double minDelta = 0, MonitorMode mode = MonitorMode.Minimize, bool restoreBest = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        if (patience < 1)
            throw new ArgumentOutOfRangeException(nameof(patience), patience, $"EarlyStopping: patience must be at least 1 epoch, got {patience}.");
        if (!(minDelta >= 0) || !double.IsFinite(minDelta))
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, $"EarlyStopping: minDelta must be non-negative and finite, got {minDelta}.");
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        Mode = mode;
        RestoreBest = restoreBest;
    }

    /// <summary>"loss" for the epoch mean loss, otherwise the name of an epoch metric.</summary>
    public string Monitor { get; }

    /// <summary>Epochs in a row without improvement after which the run stops.</summary>
    public int Patience { get; }

    /// <summary>The margin by which a value must beat the best to count as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Whether smaller or larger is better.</summary>
    public MonitorMode Mode { get; }

    /// <summary>Whether the parameters of the best epoch are put back at the end.</summary>
    public bool RestoreBest { get; }

    /// <summary>The best value seen in this run, NaN before the first epoch.</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>The epoch (0-based) of <see cref="BestValue"/>, −1 before the first epoch.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingRun run)
    {
        BestValue = double.NaN;
        BestEpoch = -1;
        _epochsWithoutImprovement = 0;
        _bestValues.Clear();
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the monitored metric is not among the epoch's metrics; the
    /// message lists those that are.</exception>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        double value = Value(epoch);
        if (Improves(value))
        {
            BestValue = value;
            BestEpoch = epoch.Epoch;
            _epochsWithoutImprovement = 0;
            if (RestoreBest) KeepParameters(run.Model);
            return;
        }
        if (++_epochsWithoutImprovement < Patience) return;
        string best = BestEpoch < 0 ? "no finite value was seen" : $"the best was {BestValue:G6} at epoch {BestEpoch + 1}";
        run.RequestStop($"EarlyStopping: {Monitor} did not improve by more than {MinDelta:G3} for {Patience} epochs; {best}.");
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingRun run, FitResult result)
    {
        if (!RestoreBest || _bestValues.Count == 0) return;
        foreach (var (parameter, value) in _bestValues) parameter.Value = value.Clone();
    }

    private double Value(EpochRecord epoch)
    {
        if (Monitor == "loss") return epoch.MeanLoss;
        if (epoch.Metrics.TryGetValue(Monitor, out double value)) return value;
        string known = epoch.Metrics.Count == 0 ? "none (set TrainOptions.Validate to compute some)" : string.Join(", ", epoch.Metrics.Keys.Order(StringComparer.Ordinal));
        throw new ArgumentException($"EarlyStopping: the metric \"{Monitor}\" is not reported at the end of epoch {epoch.Epoch + 1}; use \"loss\" or one of: {known}.", "monitor");
    }

    private bool Improves(double value)
    {
        if (double.IsNaN(value)) return false;
        if (BestEpoch < 0) return true;
        return Mode == MonitorMode.Minimize ? value < BestValue - MinDelta : value > BestValue + MinDelta;
    }

    private void KeepParameters(Module model)
    {
        _bestValues.Clear();
        using var _ = TN.NoGrad();
        foreach (Parameter p in model.Parameters()) _bestValues[p] = p.Value.Detach().Clone();
    }
}
