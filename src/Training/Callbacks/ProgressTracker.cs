namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// What a progress display shows, kept up to date step by step at constant cost: the last loss, an
/// exponentially smoothed loss, throughput, elapsed time and the time left. Both the live display and
/// the plain lines print from here, so they show the same fields.
/// </summary>
internal sealed class ProgressTracker(double smoothing)
{
    private double _average;
    private long _finiteLosses;
    private long _stepsThisRun;
    private long _samplesThisRun;
    private double _lastLoss = double.NaN;
    private int _epoch;
    private TimeSpan _elapsed;
    private IReadOnlyDictionary<string, double> _metrics = new Dictionary<string, double>();

    public int Epochs { get; private set; }

    public long PlannedSteps { get; private set; }

    public long Step { get; private set; }

    /// <summary>Starts tracking <paramref name="run"/> from its start step.</summary>
    public void Reset(TrainingRun run)
    {
        Epochs = run.Options.Epochs;
        PlannedSteps = run.PlannedSteps;
        Step = run.StartStep;
        _epoch = run.Epoch;
        _average = 0;
        _finiteLosses = 0;
        _stepsThisRun = 0;
        _samplesThisRun = 0;
        _lastLoss = double.NaN;
        _elapsed = TimeSpan.Zero;
        _metrics = new Dictionary<string, double>();
    }

    /// <summary>Takes in one step: smoothed loss s = m / (1 − β^n) with m ← β·m + (1 − β)·loss over the n
    /// finite losses so far (β = the smoothing factor), so the first steps are not biased towards 0.</summary>
    public void Observe(StepRecord record)
    {
        Step = record.Step + 1;
        _epoch = record.Epoch;
        _stepsThisRun++;
        _samplesThisRun += record.Samples;
        _lastLoss = record.Loss;
        _elapsed = record.Elapsed;
        _metrics = record.Metrics;
        if (!double.IsFinite(record.Loss)) return;
        _average = smoothing * _average + (1 - smoothing) * record.Loss;
        _finiteLosses++;
    }

    /// <summary>The smoothed loss, NaN before the first finite loss.</summary>
    public double SmoothedLoss => _finiteLosses == 0 ? double.NaN : _average / (1 - Math.Pow(smoothing, _finiteLosses));

    /// <summary>Samples per second in this call of Fit.</summary>
    public double SamplesPerSecond => _elapsed > TimeSpan.Zero ? _samplesThisRun / _elapsed.TotalSeconds : double.NaN;

    /// <summary>Time left if the remaining steps go as fast as this call's steps so far, or null before the first step.</summary>
    public TimeSpan? Remaining(TimeSpan elapsed) =>
        _stepsThisRun == 0 ? null : elapsed / _stepsThisRun * Math.Max(0, PlannedSteps - Step);

    /// <summary>"epoch e/E" with e 1-based.</summary>
    public string EpochText => $"epoch {Math.Min(_epoch + 1, Epochs)}/{Epochs}";

    /// <summary>Everything but the epoch: step, losses, throughput, times and the scheme's metrics.</summary>
    public string StatusText()
    {
        string text = $"step {Step}/{PlannedSteps}  loss {RunText.Number(_lastLoss)}  smooth {RunText.Number(SmoothedLoss)}  " +
                      $"{RunText.Rate(SamplesPerSecond)} samples/s  elapsed {RunText.Duration(_elapsed)}  eta {RunText.Duration(Remaining(_elapsed))}";
        string metrics = RunText.Metrics(_metrics);
        return metrics.Length == 0 ? text : $"{text}  {metrics}";
    }

    /// <summary>One plain line for the current step.</summary>
    public string StepLine() => $"{EpochText}  {StatusText()}";

    /// <summary>One plain line for a finished epoch: its mean loss and every epoch metric.</summary>
    public string EpochLine(EpochRecord record)
    {
        string text = $"epoch {record.Epoch + 1}/{Epochs} done  step {record.Step}/{PlannedSteps}  mean loss {RunText.Number(record.MeanLoss)}  " +
                      $"elapsed {RunText.Duration(record.Elapsed)}  eta {RunText.Duration(Remaining(record.Elapsed))}";
        string metrics = RunText.Metrics(record.Metrics);
        return metrics.Length == 0 ? text : $"{text}  {metrics}";
    }

    /// <summary>The line printed before the first step.</summary>
    public static string BeginLine(TrainingRun run) =>
        $"training {run.Model.GetType().Name} ({run.Model.ParameterCount} parameters): {run.PlannedSteps - run.StartStep} steps planned " +
        $"({run.Options.Epochs} epochs × {run.BatchesPerEpoch} batches, {run.SamplesPerEpoch} samples per epoch)" +
        (run.StartStep > 0 ? $", resuming at step {run.StartStep}" : "");

    /// <summary>The line printed at the end: how the run ended, or why it failed.</summary>
    public static string EndLine(FitResult result) => result.StopReason == StopReason.Failed
        ? $"FAILED after {result.Steps} steps ({RunText.Duration(result.Elapsed)}): {result.Message}"
        : $"{result.Message} {result.Steps} steps, final loss {RunText.Number(result.FinalLoss)}, {RunText.Duration(result.Elapsed)}.";
}
