using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Stops the run when a monitored value has not improved for <c>patience</c> epochs in a row. The value
/// is the epoch mean loss (<c>monitor = "loss"</c>) or a metric of <see cref="EpochRecord.Metrics"/> (a
/// validation metric by name). With <see cref="MonitorMode.Minimize"/> an epoch improves when
/// value &lt; best − minDelta; with <see cref="MonitorMode.Maximize"/> when value &gt; best + minDelta.
/// A NaN never improves. With <c>restoreBest</c> it copies the parameters at each new best and puts
/// them back at the end of the run, however it ended (after a <see cref="CheckpointCallback"/> has written
/// the run's last state: callbacks that record the run end first). The best value, its epoch, the count of epochs
/// without improvement and the copied parameters go into checkpoints (<see cref="GetState"/>), so a
/// resumed run stops at the epoch, and restores the parameters, of a run that never stopped.
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
    private const string BestValueKey = "best_value";
    private const string BestEpochKey = "best_epoch";
    private const string WithoutImprovementKey = "epochs_without_improvement";
    private const string BestParameterPrefix = "best/";

    private readonly Dictionary<string, Tensor> _bestValues = [];
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

    /// <summary>The best value seen in this run (before a resume included), NaN before the first epoch.</summary>
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
        foreach (var (name, parameter) in run.Model.NamedParameters())
            if (_bestValues.TryGetValue(name, out Tensor? value)) parameter.Value = value.Clone();
    }

    /// <summary>The best value and epoch, the epochs without improvement since, and with <c>restoreBest</c>
    /// the parameters of the best epoch as tensors <c>best/&lt;dotted path&gt;</c>.</summary>
    /// <example><code>double best = stopper.GetState().Scalars["best_value"];</code></example>
    public override OptimizerState GetState()
    {
        var state = new OptimizerState(nameof(EarlyStopping));
        state.Scalars[BestValueKey] = BestValue;
        state.Scalars[BestEpochKey] = BestEpoch;
        state.Scalars[WithoutImprovementKey] = _epochsWithoutImprovement;
        foreach (var (name, value) in _bestValues) state.Tensors[BestParameterPrefix + name] = value.Clone();
        return state;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the state is not an EarlyStopping state or lacks a scalar.</exception>
    /// <example><code>resumedStopper.SetState(stopper.GetState());</code></example>
    public override void SetState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind != nameof(EarlyStopping))
            throw new ArgumentException($"EarlyStopping.SetState: the state belongs to {state.Kind}.", nameof(state));
        BestValue = Scalar(state, BestValueKey);
        BestEpoch = (int)Scalar(state, BestEpochKey);
        _epochsWithoutImprovement = (int)Scalar(state, WithoutImprovementKey);
        _bestValues.Clear();
        foreach (var (key, value) in state.Tensors)
            if (key.StartsWith(BestParameterPrefix, StringComparison.Ordinal)) _bestValues[key[BestParameterPrefix.Length..]] = value.Clone();
    }

    private static double Scalar(OptimizerState state, string key) =>
        state.Scalars.TryGetValue(key, out double value) ? value
            : throw new ArgumentException($"EarlyStopping.SetState: the state has no \"{key}\"; it holds {string.Join(", ", state.Scalars.Keys.Order(StringComparer.Ordinal))}.", nameof(state));

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
        foreach (var (name, p) in model.NamedParameters()) _bestValues[name] = p.Value.Detach().Clone();
    }
}
