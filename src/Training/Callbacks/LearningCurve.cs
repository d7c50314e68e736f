namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Keeps an SVG picture of the run up to date: the loss against the step (raw points, a smoothed line,
/// the epoch means; a log10 axis when the loss spans more than two decades) and the validation metrics
/// (<see cref="TrainOptions.Validate"/>) against the epoch in a second panel. The file is rewritten at
/// every epoch end and at the end of the run, atomically: the new picture is written beside it and
/// renamed over it, so a viewer never sees half a file.
/// </summary>
/// <remarks>Memory stays bounded: each series keeps at most <c>maxPoints</c> points, merging
/// neighbours into their mean when full. A resumed run draws from its resumption step on.</remarks>
/// <example><code>
/// var log = new JsonLinesLog("runs/ttfc/fit.jsonl");
/// var options = new TrainOptions { Callbacks = { log, new LearningCurve(log) } }; // runs/ttfc/fit.svg
/// </code></example>
public sealed class LearningCurve : Callback
{
    private readonly int _maxPoints;
    private CurveSeries _loss;
    private CurveSeries _epochLoss;
    private readonly Dictionary<string, CurveSeries> _metrics = new(StringComparer.Ordinal);
    private string _title = "";
    private bool _began;

    /// <summary>A curve written to <paramref name="svgPath"/> (its directory is created when first written).</summary>
    /// <exception cref="ArgumentException">When the path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxPoints"/> is less than 16.</exception>
    /// <example><code>var curve = new LearningCurve("runs/fit.svg", maxPoints: 5000);</code></example>
    public LearningCurve(string svgPath, int maxPoints = 2000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(svgPath);
        if (maxPoints < 16)
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, $"LearningCurve: maxPoints must be at least 16, got {maxPoints}.");
        Path = System.IO.Path.GetFullPath(svgPath);
        _maxPoints = maxPoints;
        _loss = new CurveSeries(maxPoints);
        _epochLoss = new CurveSeries(maxPoints);
    }

    /// <summary>A curve beside <paramref name="log"/>'s file, with its name and the extension .svg
    /// (<c>runs/fit.jsonl</c> → <c>runs/fit.svg</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxPoints"/> is less than 16.</exception>
    /// <example><code>var curve = new LearningCurve(new JsonLinesLog("runs/fit.jsonl")); // runs/fit.svg</code></example>
    public LearningCurve(JsonLinesLog log, int maxPoints = 2000)
        : this(System.IO.Path.ChangeExtension((log ?? throw new ArgumentNullException(nameof(log))).Path, ".svg"), maxPoints)
    {
    }

    /// <summary>The full path of the SVG file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingRun run)
    {
        _loss = new CurveSeries(_maxPoints);
        _epochLoss = new CurveSeries(_maxPoints);
        _metrics.Clear();
        _title = $"{run.Model.GetType().Name} · {run.Scheme.GetType().Name} · {run.Model.ParameterCount} parameters";
        _began = true;
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingRun run, StepRecord step)
    {
        _loss.Add(step.Step, step.Loss);
    }

    /// <inheritdoc/>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        _epochLoss.Add(epoch.Step - (run.BatchesPerEpoch + 1) / 2.0, epoch.MeanLoss);
        foreach (var (name, value) in epoch.Validation)
        {
            if (!_metrics.TryGetValue(name, out CurveSeries? series)) _metrics[name] = series = new CurveSeries(_maxPoints);
            series.Add(epoch.Epoch + 1, value);
        }
        Write();
    }

    /// <inheritdoc/>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    public override void OnTrainEnd(TrainingRun run, FitResult result)
    {
        if (!_began) return;
        _title = $"{_title} · {result.StopReason} after {result.Steps} steps";
        Write();
        _began = false;
    }

    private void Write()
    {
        var metrics = _metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new LearningCurveSvg.Series(m.Key, m.Value.Points()))
            .ToList();
        string svg = LearningCurveSvg.Render(_title, _loss.Points(), _epochLoss.Points(), metrics);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        string temporary = Path + ".tmp";
        File.WriteAllText(temporary, svg);
        File.Move(temporary, Path, overwrite: true);
    }
}
