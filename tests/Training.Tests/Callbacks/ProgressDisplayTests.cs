using Spectre.Console;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Callbacks;

public class ProgressDisplayTests
{
    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void PlainLines_ShowEveryFieldAtTheConfiguredInterval()
    {
        var writer = new StringWriter();
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(5), new TrainOptions
        {
            Epochs = 4,
            Validate = TrainingRig.Validation("val_error", 0.5, 0.25, 0.125, 0.0625),
            Callbacks = { new ProgressDisplay(writer, new ProgressDisplayOptions { LineEverySteps = 2 }) },
        });

        string[] lines = Lines(writer);
        Assert.StartsWith("training ScalarModel (1 parameters): 20 steps planned (4 epochs × 5 batches, ", lines[0]);
        string[] stepLines = lines.Where(l => l.Contains(" smooth ")).ToArray();
        string[] epochLines = lines.Where(l => l.Contains(" done ")).ToArray();
        Assert.Equal(10, stepLines.Length);
        Assert.Equal(4, epochLines.Length);
        Assert.Equal(1 + 10 + 4 + 1, lines.Length);

        Assert.StartsWith("epoch 1/4  step 2/20  loss ", stepLines[0]);
        Assert.StartsWith("epoch 4/4  step 20/20  loss ", stepLines[^1]);
        foreach (string field in new[] { " samples/s ", "  elapsed ", "  eta ", "  lr 0.1" })
            Assert.Contains(field, stepLines[0]);
        Assert.Contains("eta 0:00", stepLines[^1]);
        Assert.StartsWith("epoch 2/4 done  step 10/20  mean loss ", epochLines[1]);
        Assert.Contains("val_error 0.25", epochLines[1]);
        Assert.StartsWith("Completed 4 epochs. 20 steps, final loss ", lines[^1]);
    }

    [Fact]
    public void PlainLines_DefaultIntervalGivesAboutTwentyStepLines()
    {
        var writer = new StringWriter();
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(25, batchSize: 1), new TrainOptions
        {
            Epochs = 8,
            Callbacks = { new ProgressDisplay(writer, new ProgressDisplayOptions { Mode = ProgressMode.Lines }) },
        });

        string[] lines = Lines(writer);
        Assert.Equal(20, lines.Count(l => l.Contains(" smooth ")));
        Assert.Contains(lines, l => l.StartsWith("epoch 1/8  step 10/200 ", StringComparison.Ordinal));
        Assert.Equal(8, lines.Count(l => l.Contains(" done ")));
    }

    [Fact]
    public void OnTrainEnd_ReportsTheFailureWhenTheObjectiveThrows()
    {
        var writer = new StringWriter();
        var model = new ScalarModel();
        Func<Batch, Tensor> mse = TrainingRig.Mse(model);
        int calls = 0;
        var e = Assert.Throws<InvalidOperationException>(() => TrainingRig.Fit(model, new LineData(5), new TrainOptions
        {
            Epochs = 3,
            Callbacks = { new ProgressDisplay(writer, new ProgressDisplayOptions { LineEverySteps = 1 }) },
        }, batch => ++calls == 8 ? throw new InvalidOperationException("objective broke on batch 8") : mse(batch)));

        string[] lines = Lines(writer);
        Assert.Equal("objective broke on batch 8", e.Message);
        Assert.Equal(7, lines.Count(l => l.Contains(" smooth ")));
        Assert.StartsWith("FAILED after 7 steps (", lines[^1]);
        Assert.EndsWith("): objective broke on batch 8", lines[^1]);
    }

    [Fact]
    public void NonInteractiveConsole_GetsPlainLines()
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var display = new ProgressDisplay(console, new ProgressDisplayOptions { LineEverySteps = 5 });
        bool? liveDuringRun = null;
        TrainingRig.Fit(new ScalarModel(), new LineData(5), new TrainOptions
        {
            Epochs = 2,
            Callbacks = { display, new Probe { Step = (_, _) => liveDuringRun = display.IsLive } },
        });

        string[] lines = Lines(writer);
        Assert.False(liveDuringRun);
        Assert.DoesNotContain('\u001b', writer.ToString());
        Assert.Equal(2, lines.Count(l => l.Contains(" smooth ")));
        Assert.Equal(2, lines.Count(l => l.Contains(" done ")));
    }

    [Fact]
    public void InteractiveConsole_ShowsALiveBarAndEndsCleanly()
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var display = new ProgressDisplay(console);
        bool? liveDuringRun = null;
        FitResult result = TrainingRig.Fit(new ScalarModel(), new LineData(5), new TrainOptions
        {
            Epochs = 3,
            Callbacks = { display, new Probe { Step = (_, _) => liveDuringRun = display.IsLive } },
        });

        string output = writer.ToString();
        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.True(liveDuringRun);
        Assert.False(display.IsLive);
        Assert.Contains('\u001b', output);
        Assert.Contains("step 15/15", output);
        Assert.Contains("100%", output);
        Assert.Equal(3, CountOf(output, " done  step "));
        Assert.Contains("Completed 3 epochs. 15 steps", output);
    }

    [Fact]
    public void InteractiveConsole_EndsTheLiveBarAndPrintsTheFailure()
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var display = new ProgressDisplay(console);
        var model = new ScalarModel();
        Func<Batch, Tensor> mse = TrainingRig.Mse(model);
        int calls = 0;
        Assert.Throws<InvalidOperationException>(() => TrainingRig.Fit(model, new LineData(5), new TrainOptions
        {
            Epochs = 3,
            Callbacks = { display },
        }, batch => ++calls == 4 ? throw new InvalidOperationException("objective broke") : mse(batch)));

        string output = writer.ToString();
        Assert.False(display.IsLive);
        Assert.Contains("step 3/15", output);
        Assert.Contains("FAILED after 3 steps", output);
        Assert.EndsWith("objective broke", output.TrimEnd());
    }

    [Fact]
    public void Constructor_RefusesLiveModeOnAWriter()
    {
        var e = Assert.Throws<ArgumentException>(() => new ProgressDisplay(new StringWriter(), new ProgressDisplayOptions { Mode = ProgressMode.Live }));
        Assert.Contains("IAnsiConsole", e.Message);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
