using Spectre.Console;
using Spectre.Console.Rendering;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// A Spectre.Console progress display run on its own thread. Spectre's <see cref="Progress.Start(Action{ProgressContext})"/>
/// blocks its caller until the action returns, while the <see cref="Trainer"/> calls us step by step;
/// so the display's action runs on a background thread and waits for <see cref="Stop"/>, and the training
/// thread only hands it finished strings through <see cref="Publish"/> at a bounded rate. Spectre's
/// refresh timer draws them; a slow terminal never slows a step. Lines written to the console meanwhile
/// appear above the bar (Spectre's render hook places them).
/// </summary>
internal sealed class LiveProgress
{
    private readonly IAnsiConsole _console;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _finish = new();
    private Task? _render;
    private ProgressTask? _task;
    private volatile string _status = "";

    public LiveProgress(IAnsiConsole console) => _console = console;

    /// <summary>Starts the display with one bar of <paramref name="plannedSteps"/> steps.</summary>
    /// <exception cref="InvalidOperationException">When the display cannot start (another live display is
    /// running on the console); the inner exception says why.</exception>
    public void Start(string description, long startStep, long plannedSteps, TimeSpan refresh)
    {
        var progress = new Progress(_console)
        {
            AutoClear = false,
            AutoRefresh = true,
            HideCompleted = false,
            RefreshRate = refresh,
        }.Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new StatusColumn(() => _status));
        _render = Task.Factory.StartNew(() => progress.Start(context =>
        {
            _task = context.AddTask(description, maxValue: Math.Max(1, plannedSteps));
            _task.Value = startStep;
            _ready.Set();
            _finish.Wait();
            context.Refresh();
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        WaitHandle.WaitAny([_ready.WaitHandle, ((IAsyncResult)_render).AsyncWaitHandle]);
        if (!_ready.IsSet)
            throw new InvalidOperationException("ProgressDisplay: the live display did not start; use ProgressMode.Lines.", _render.Exception?.GetBaseException());
    }

    /// <summary>Hands the display the current step, epoch text and status line.</summary>
    public void Publish(long step, string description, string status)
    {
        _status = status;
        if (_task is null) return;
        _task.Description = description;
        _task.Value = step;
    }

    /// <summary>Draws the last published state, ends the display and waits for its thread.</summary>
    /// <exception cref="Exception">Whatever ended the display's thread, rethrown here.</exception>
    public void Stop()
    {
        _finish.Set();
        _render?.GetAwaiter().GetResult();
    }

    /// <summary>A column that shows the last published status line.</summary>
    private sealed class StatusColumn(Func<string> status) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(status(), new Style(Color.Grey));
    }
}
