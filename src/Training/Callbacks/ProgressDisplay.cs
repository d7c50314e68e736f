using Spectre.Console;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Shows a run's progress: epoch e/E, step s/S (S = <see cref="TrainingRun.PlannedSteps"/>), the last and
/// the smoothed loss, samples per second, elapsed time, time left, and the scheme's metrics (learning
/// rate, bond dimension, ...). On an interactive terminal it is a live Spectre.Console bar redrawn at most
/// every <see cref="ProgressDisplayOptions.RefreshInterval"/>; otherwise (redirected output, CI,
/// <c>TERM=dumb</c>, a non-interactive console profile) it prints plain lines with the same fields: one
/// every <see cref="ProgressDisplayOptions.LineEverySteps"/> steps and one per epoch. Epochs are shown
/// 1-based. The run's end is always reported, with the reason when it failed.
/// </summary>
/// <remarks>A step costs a few additions and a clock comparison; text is built only when it is shown.</remarks>
/// <example><code>
/// Trainer.Fit(model, loader, objective, scheme, new TrainOptions { Callbacks = { new ProgressDisplay() } });
/// // redirected: "epoch 2/10  step 150/1000  loss 0.3121  smooth 0.3307  5400 samples/s  elapsed 0:03  eta 0:17  lr 0.001"
/// </code></example>
public sealed class ProgressDisplay : Callback
{
    private readonly ProgressDisplayOptions _options;
    private readonly ProgressTracker _tracker;
    private readonly IAnsiConsole? _console;
    private readonly TextWriter? _writer;
    private TextWriter? _lines;
    private LiveProgress? _live;
    private long _lineEvery = 1;
    private TimeSpan _lastRefresh;
    private bool _active;

    /// <summary>A display on the process console (<see cref="AnsiConsole.Console"/>, plain lines to
    /// <see cref="Console.Out"/>), live or plain as <see cref="ProgressDisplayOptions.Mode"/> says.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    /// <example><code>var display = new ProgressDisplay();</code></example>
    public ProgressDisplay(ProgressDisplayOptions? options = null)
    {
        _options = options ?? new ProgressDisplayOptions();
        _options.Check();
        _tracker = new ProgressTracker(_options.Smoothing);
    }

    /// <summary>A display on <paramref name="console"/>: live when its profile is interactive with ANSI
    /// support (or <see cref="ProgressMode.Live"/>), otherwise plain lines to its output writer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    /// <example><code>var display = new ProgressDisplay(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));</code></example>
    public ProgressDisplay(IAnsiConsole console, ProgressDisplayOptions? options = null) : this(options)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
    }

    /// <summary>Plain lines to <paramref name="writer"/> (a log file, a test's <see cref="StringWriter"/>).</summary>
    /// <exception cref="ArgumentException">When <see cref="ProgressDisplayOptions.Mode"/> is
    /// <see cref="ProgressMode.Live"/>: a writer cannot host a live display; pass an <see cref="IAnsiConsole"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    /// <example><code>using var file = File.CreateText("train.txt"); var display = new ProgressDisplay(file);</code></example>
    public ProgressDisplay(TextWriter writer, ProgressDisplayOptions? options = null) : this(options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_options.Mode == ProgressMode.Live)
            throw new ArgumentException("ProgressDisplay: a TextWriter gets plain lines, not ProgressMode.Live; pass an IAnsiConsole for a live display.", nameof(options));
        _writer = writer;
    }

    /// <summary>True while a live display is shown (false in plain-line mode).</summary>
    public bool IsLive => _live is not null;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">With <see cref="ProgressMode.Live"/>, when the live display cannot start.</exception>
    public override void OnTrainBegin(TrainingRun run)
    {
        _tracker.Reset(run);
        _lastRefresh = TimeSpan.Zero;
        _lineEvery = _options.LineIntervalFor(run.PlannedSteps - run.StartStep);
        _live = null;
        _lines = null;
        string? liveFailure = null;
        if (ShouldBeLive())
        {
            var live = new LiveProgress(_console ?? AnsiConsole.Console);
            try
            {
                live.Start(_tracker.EpochText, run.StartStep, run.PlannedSteps, _options.RefreshInterval);
                live.Publish(run.StartStep, _tracker.EpochText, $"step {run.StartStep}/{run.PlannedSteps}  waiting for the first step");
                _live = live;
                _active = true;
                LiveLine(ProgressTracker.BeginLine(run), failed: false);
                return;
            }
            catch (InvalidOperationException e) when (_options.Mode == ProgressMode.Auto)
            {
                liveFailure = $"ProgressDisplay: printing lines because the live display did not start: {e.InnerException?.Message ?? e.Message}";
            }
        }
        _lines = _writer ?? _console?.Profile.Out.Writer ?? Console.Out;
        _active = true;
        if (liveFailure is not null) Line(liveFailure);
        Line(ProgressTracker.BeginLine(run));
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingRun run, StepRecord step)
    {
        if (!_active) return;
        _tracker.Observe(step);
        if (_live is not null)
        {
            if (step.Elapsed - _lastRefresh < _options.RefreshInterval) return;
            _lastRefresh = step.Elapsed;
            _live.Publish(_tracker.Step, _tracker.EpochText, _tracker.StatusText());
        }
        else if (_tracker.Step % _lineEvery == 0)
        {
            Line(_tracker.StepLine());
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        if (!_active) return;
        if (_live is null)
        {
            Line(_tracker.EpochLine(epoch));
            return;
        }
        _live.Publish(_tracker.Step, _tracker.EpochText, _tracker.StatusText());
        LiveLine(_tracker.EpochLine(epoch), failed: false);
    }

    /// <inheritdoc/>
    /// <remarks>Also reports a run that ended before this display began (a callback before it failed to
    /// start), so a failure is never silent.</remarks>
    public override void OnTrainEnd(TrainingRun run, FitResult result)
    {
        string end = ProgressTracker.EndLine(result);
        bool failed = result.StopReason == StopReason.Failed;
        LiveProgress? live = _live;
        _active = false;
        _live = null;
        if (live is null)
        {
            _lines ??= _writer ?? _console?.Profile.Out.Writer ?? Console.Out;
            Line(end);
            return;
        }
        live.Publish(_tracker.Step, _tracker.EpochText, _tracker.StatusText());
        try
        {
            live.Stop();
        }
        catch (Exception e)
        {
            LiveLine($"ProgressDisplay: the live display failed: {e.Message}", failed: true);
        }
        LiveLine(end, failed);
    }

    private bool ShouldBeLive()
    {
        if (_writer is not null || _options.Mode == ProgressMode.Lines) return false;
        if (_options.Mode == ProgressMode.Live) return true;
        IAnsiConsole console = _console ?? AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi) return false;
        if (_console is not null) return true;
        return !Console.IsOutputRedirected
               && Environment.GetEnvironmentVariable("TERM") != "dumb"
               && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
    }

    private void Line(string text)
    {
        _lines!.WriteLine(text);
        _lines.Flush();
    }

    private void LiveLine(string text, bool failed)
    {
        IAnsiConsole console = _console ?? AnsiConsole.Console;
        console.Write(new Text(text + Environment.NewLine, failed ? new Style(Color.Red) : Style.Plain));
    }
}
