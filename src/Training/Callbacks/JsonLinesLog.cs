using System.Globalization;
using System.Text;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Writes the run as JSON Lines: one object per line, one line per event.
/// <list type="bullet">
/// <item><c>{"event":"begin","planned_steps":..,"start_step":..,"epochs":..,"batches_per_epoch":..,"samples_per_epoch":..,"parameters":..,"model":..,"scheme":..,"time":&lt;UTC, ISO 8601&gt;}</c></item>
/// <item><c>{"event":"step","step":..,"epoch":..,"batch":..,"loss":..,"samples":..,"elapsed_s":..,&lt;scheme metrics&gt;}</c>
/// for steps 0, N, 2N, ... (N = everySteps)</item>
/// <item><c>{"event":"epoch","epoch":..,"step":..,"mean_loss":..,"elapsed_s":..,&lt;validation and scheme metrics&gt;}</c></item>
/// <item><c>{"event":"end","reason":"Completed|MaxSteps|Converged|Requested|Failed","message":..,"steps":..,"epochs":..,"final_loss":..,"elapsed_s":..}</c></item>
/// </list>
/// Steps and epochs are 0-based, as in <see cref="StepRecord"/> and <see cref="EpochRecord"/>.
/// JSON has no NaN or infinity, so a non-finite value is written as <c>null</c> and a string field
/// <c>&lt;name&gt;_nonfinite</c> says which (<c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>):
/// <c>"loss":null,"loss_nonfinite":"NaN"</c>. Finite doubles are written in the shortest form that reads back
/// exactly, with <c>.0</c> when whole (<c>2.0</c>, <c>1E-05</c>), so Python's <c>json</c> reads them as floats; text
/// is UTF-8 as it is, with quotes, backslashes and control characters escaped, and a lone UTF-16 surrogate (which
/// UTF-8 cannot encode) written as its <c>\uXXXX</c> escape, as Python's <c>json</c> writes it. A metric whose name is already a field of its line is
/// written as <c>metric_&lt;name&gt;</c>. The file is flushed at every epoch end and closed at the end
/// of the run; a resumed run (<see cref="TrainingRun.StartStep"/> &gt; 0) appends, a fresh one truncates.
/// </summary>
/// <example><code>
/// var log = new JsonLinesLog("runs/mps/fit.jsonl", everySteps: 10);
/// Trainer.Fit(model, loader, objective, scheme, new TrainOptions { Callbacks = { log, new LearningCurve(log) } });
/// // then: jq 'select(.event == "epoch") | .mean_loss' runs/mps/fit.jsonl
/// </code></example>
public sealed class JsonLinesLog : Callback
{
    private FileStream? _file;
    private bool _began;

    /// <summary>Creates a log that will write to <paramref name="path"/> (its directory is created when the run begins).</summary>
    /// <exception cref="ArgumentException">When the path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="everySteps"/> is less than 1.</exception>
    /// <example><code>var log = new JsonLinesLog("runs/fit.jsonl", everySteps: 10);</code></example>
    public JsonLinesLog(string path, int everySteps = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (everySteps < 1)
            throw new ArgumentOutOfRangeException(nameof(everySteps), everySteps, $"JsonLinesLog: everySteps must be at least 1 (1 logs every step), got {everySteps}.");
        Path = System.IO.Path.GetFullPath(path);
        EverySteps = everySteps;
    }

    /// <summary>The full path of the log file.</summary>
    public string Path { get; }

    /// <summary>A step line is written for the steps that are multiples of this.</summary>
    public int EverySteps { get; }

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingRun run)
    {
        Close();
        Open(append: run.StartStep > 0);
        _began = true;
        Write("begin", w =>
        {
            w.Integer("planned_steps", run.PlannedSteps);
            w.Integer("start_step", run.StartStep);
            w.Integer("epochs", run.Options.Epochs);
            w.Integer("batches_per_epoch", run.BatchesPerEpoch);
            w.Integer("samples_per_epoch", run.SamplesPerEpoch);
            w.Integer("parameters", run.Model.ParameterCount);
            w.Text("model", run.Model.GetType().Name);
            w.Text("scheme", run.Scheme.GetType().Name);
            w.Text("time", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        });
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingRun run, StepRecord step)
    {
        if (_file is null || step.Step % EverySteps != 0) return;
        Write("step", w =>
        {
            w.Integer("step", step.Step);
            w.Integer("epoch", step.Epoch);
            w.Integer("batch", step.BatchIndex);
            Number(w, "loss", step.Loss);
            w.Integer("samples", step.Samples);
            Number(w, "elapsed_s", step.Elapsed.TotalSeconds);
            Metrics(w, step.Metrics, StepFields);
        });
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        if (_file is null) return;
        Write("epoch", w =>
        {
            w.Integer("epoch", epoch.Epoch);
            w.Integer("step", epoch.Step);
            Number(w, "mean_loss", epoch.MeanLoss);
            Number(w, "elapsed_s", epoch.Elapsed.TotalSeconds);
            Metrics(w, epoch.Metrics, EpochFields);
        });
        _file.Flush();
    }

    /// <inheritdoc/>
    /// <remarks>Called again after the log was closed (a later callback failed at the end), it appends
    /// a second end line with the failure.</remarks>
    public override void OnTrainEnd(TrainingRun run, FitResult result)
    {
        if (!_began) return;
        if (_file is null) Open(append: true);
        Write("end", w =>
        {
            w.Text("reason", result.StopReason.ToString());
            w.Text("message", result.Message);
            w.Integer("steps", result.Steps);
            w.Integer("epochs", result.Epochs);
            Number(w, "final_loss", result.FinalLoss);
            Number(w, "elapsed_s", result.Elapsed.TotalSeconds);
        });
        Close();
    }

    private static readonly HashSet<string> StepFields = ["event", "step", "epoch", "batch", "loss", "samples", "elapsed_s"];
    private static readonly HashSet<string> EpochFields = ["event", "epoch", "step", "mean_loss", "elapsed_s"];

    private void Open(bool append)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _file = new FileStream(Path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    private void Close()
    {
        _file?.Dispose();
        _file = null;
    }

    private void Write(string kind, Action<JsonLine> fields)
    {
        var line = new JsonLine(kind);
        fields(line);
        _file!.Write(Encoding.UTF8.GetBytes(line + "\n"));
    }

    /// <summary>A number; when not finite, null plus <c>name_nonfinite</c> spelling it.</summary>
    private static void Number(JsonLine w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.Number(name, value);
            return;
        }
        w.Null(name);
        w.Text(name + "_nonfinite", double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static void Metrics(JsonLine w, IReadOnlyDictionary<string, double> metrics, HashSet<string> taken)
    {
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            Number(w, taken.Contains(name) ? "metric_" + name : name, value);
    }
}
