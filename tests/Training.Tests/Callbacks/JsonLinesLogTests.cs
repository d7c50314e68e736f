using System.Text.Json.Nodes;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Callbacks;

public sealed class JsonLinesLogTests : IDisposable
{
    private readonly string _dir = TrainingRig.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonObject[] Read(string path) => File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();

    private static JsonObject[] OfEvent(JsonObject[] lines, string kind) => lines.Where(l => (string?)l["event"] == kind).ToArray();

    [Fact]
    public void Fit_WritesBeginStepsEpochsAndEnd_WithTheRecordedValues()
    {
        string path = Path.Combine(_dir, "nested", "run", "fit.jsonl");
        var log = new JsonLinesLog(path, everySteps: 2);
        var probe = new Probe();
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(4), new TrainOptions
        {
            Epochs = 3,
            Validate = TrainingRig.Validation("val_error", 0.5, 0.25, 0.125),
            Callbacks = { log, probe },
        });

        JsonObject[] lines = Read(path);
        Assert.Equal(["begin", "step", "step", "epoch", "step", "step", "epoch", "step", "step", "epoch", "end"], lines.Select(l => (string)l["event"]!));
        JsonObject begin = lines[0];
        Assert.Equal(12, (long)begin["planned_steps"]!);
        Assert.Equal(0, (long)begin["start_step"]!);
        Assert.Equal(1, (long)begin["parameters"]!);
        Assert.Equal("GradientScheme", (string)begin["scheme"]!);

        JsonObject[] steps = OfEvent(lines, "step");
        Assert.Equal([0L, 2, 4, 6, 8, 10], steps.Select(s => (long)s["step"]!));
        foreach (JsonObject s in steps)
        {
            StepRecord recorded = probe.Steps[(int)(long)s["step"]!];
            Assert.Equal(recorded.Loss, (double)s["loss"]!);
            Assert.Equal(recorded.Epoch, (int)s["epoch"]!);
            Assert.Equal(recorded.BatchIndex, (int)s["batch"]!);
            Assert.Equal(4, (int)s["samples"]!);
            Assert.Equal(0.1, (double)s["learning_rate"]!);
            Assert.True((double)s["elapsed_s"]! >= 0);
        }

        JsonObject[] epochs = OfEvent(lines, "epoch");
        Assert.Equal([0, 1, 2], epochs.Select(e => (int)e["epoch"]!));
        Assert.Equal([4L, 8, 12], epochs.Select(e => (long)e["step"]!));
        Assert.Equal([0.5, 0.25, 0.125], epochs.Select(e => (double)e["val_error"]!));
        double meanOfEpoch1 = probe.Steps.Where(s => s.Epoch == 1).Average(s => s.Loss);
        Assert.Equal(meanOfEpoch1, (double)epochs[1]["mean_loss"]!, 12);

        JsonObject end = lines[^1];
        Assert.Equal("Completed", (string)end["reason"]!);
        Assert.Equal(12, (long)end["steps"]!);
        Assert.Equal(probe.Steps[^1].Loss, (double)end["final_loss"]!);
    }

    [Fact]
    public void NonFiniteValues_AreNullWithANamedSpelling()
    {
        string path = Path.Combine(_dir, "nan.jsonl");
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(3), new TrainOptions
        {
            Epochs = 1,
            StopOnNonFinite = false,
            Validate = _ => new Dictionary<string, double> { ["val_error"] = double.NegativeInfinity },
            Callbacks = { new JsonLinesLog(path) },
        }, TrainingRig.Scripted(model, k => k == 1 ? double.NaN : 1.0));

        JsonObject[] lines = Read(path);
        JsonObject nanStep = OfEvent(lines, "step")[1];
        Assert.True(nanStep.ContainsKey("loss"));
        Assert.Null(nanStep["loss"]);
        Assert.Equal("NaN", (string)nanStep["loss_nonfinite"]!);
        Assert.Null(OfEvent(lines, "step")[0]["loss_nonfinite"]);
        JsonObject epoch = OfEvent(lines, "epoch")[0];
        Assert.Equal("NaN", (string)epoch["mean_loss_nonfinite"]!);
        Assert.Equal("-Infinity", (string)epoch["val_error_nonfinite"]!);
    }

    [Fact]
    public void Fit_FlushesEveryEpoch()
    {
        string path = Path.Combine(_dir, "flush.jsonl");
        var seen = new List<int>();
        var probe = new Probe
        {
            Epoch = (_, _) =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                seen.Add(reader.ReadToEnd().Split('\n').Count(l => l.Contains("\"event\":\"epoch\"")));
            },
        };
        TrainingRig.Fit(new ScalarModel(), new LineData(3), new TrainOptions { Epochs = 3, Callbacks = { new JsonLinesLog(path), probe } });

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public void FreshRun_Truncates_ResumedRun_Appends()
    {
        string path = Path.Combine(_dir, "resume.jsonl");
        File.WriteAllText(path, "{\"event\":\"old\"}\n");
        var model = new ScalarModel();
        var data = new LineData(3);
        TrainingRig.Fit(model, data, new TrainOptions { Epochs = 1, Callbacks = { new JsonLinesLog(path) } });
        Assert.Equal("begin", (string)Read(path)[0]["event"]!);
        int linesAfterFirstRun = Read(path).Length;

        var log = new JsonLinesLog(path);
        TrainingRun resumed = TrainingRig.Run(model, data, new TrainOptions { Epochs = 2 }, startStep: 3);
        log.OnTrainBegin(resumed);
        log.OnTrainEnd(resumed, new FitResult(StopReason.Completed, "Completed 2 epochs.", 6, 2, 0.5, [], TimeSpan.FromSeconds(1)));

        JsonObject[] lines = Read(path);
        Assert.Equal(linesAfterFirstRun + 2, lines.Length);
        Assert.Equal(3, (long)lines[linesAfterFirstRun]["start_step"]!);
        Assert.Equal("end", (string)lines[^1]["event"]!);
    }

    [Fact]
    public void OnTrainEnd_LogsTheFailureWhenTheObjectiveThrows()
    {
        string path = Path.Combine(_dir, "failed.jsonl");
        var model = new ScalarModel();
        Func<Batch, Tensor> mse = TrainingRig.Mse(model);
        int calls = 0;
        Assert.Throws<InvalidOperationException>(() => TrainingRig.Fit(model, new LineData(4), new TrainOptions
        {
            Epochs = 2,
            Callbacks = { new JsonLinesLog(path) },
        }, batch => ++calls == 6 ? throw new InvalidOperationException("objective broke") : mse(batch)));

        JsonObject[] lines = Read(path);
        Assert.Equal(5, OfEvent(lines, "step").Length);
        JsonObject end = lines[^1];
        Assert.Equal("Failed", (string)end["reason"]!);
        Assert.Equal("objective broke", (string)end["message"]!);
        Assert.Equal(5, (long)end["steps"]!);
    }

    [Fact]
    public void Metrics_NamedLikeAField_ArePrefixed()
    {
        string path = Path.Combine(_dir, "clash.jsonl");
        TrainingRig.Fit(new ScalarModel(), new LineData(2), new TrainOptions
        {
            Epochs = 1,
            Validate = _ => new Dictionary<string, double> { ["step"] = 7 },
            Callbacks = { new JsonLinesLog(path) },
        });

        JsonObject epoch = OfEvent(Read(path), "epoch")[0];
        Assert.Equal(2, (long)epoch["step"]!);
        Assert.Equal(7, (double)epoch["metric_step"]!);
    }

    [Fact]
    public void Lines_AreCompactJsonWithDoublesThatReadBackAsFloats()
    {
        // Doubles in the shortest round-trip form, with ".0" when whole so that Python's json reads them back as
        // floats; text outside ASCII as it is.
        string path = Path.Combine(_dir, "golden.jsonl");
        var model = new ScalarModel();
        var log = new JsonLinesLog(path);
        TrainingRun run = TrainingRig.Run(model, new LineData(3), new TrainOptions { Epochs = 1 });
        var metrics = new Dictionary<string, double> { ["b"] = 1e-5, ["a"] = -0.0, ["c"] = 1e21 };
        log.OnTrainBegin(run);
        log.OnStepEnd(run, new StepRecord(0, 0, 0, 2.0, 3, TimeSpan.FromSeconds(0.25), metrics));
        log.OnEpochEnd(run, new EpochRecord(0, 1, 0.1, new Dictionary<string, double>(), TimeSpan.FromSeconds(1.5), new Dictionary<string, double>()));
        log.OnTrainEnd(run, new FitResult(StopReason.Failed, "loss \"x\" ≥ 1e3\n", 1, 1, double.PositiveInfinity, [], TimeSpan.FromSeconds(3)));

        string[] lines = File.ReadAllLines(path);
        Assert.Matches("^\\{\"event\":\"begin\",\"planned_steps\":3,\"start_step\":0,\"epochs\":1,\"batches_per_epoch\":3,\"samples_per_epoch\":12,"
            + "\"parameters\":1,\"model\":\"ScalarModel\",\"scheme\":\"GradientScheme\",\"time\":\"[0-9T:.+-]+\"\\}$", lines[0]);
        Assert.Equal("{\"event\":\"step\",\"step\":0,\"epoch\":0,\"batch\":0,\"loss\":2.0,\"samples\":3,\"elapsed_s\":0.25,\"a\":-0.0,\"b\":1E-05,\"c\":1E+21}", lines[1]);
        Assert.Equal("{\"event\":\"epoch\",\"epoch\":0,\"step\":1,\"mean_loss\":0.1,\"elapsed_s\":1.5}", lines[2]);
        Assert.Equal("{\"event\":\"end\",\"reason\":\"Failed\",\"message\":\"loss \\\"x\\\" ≥ 1e3\\n\",\"steps\":1,\"epochs\":1,"
            + "\"final_loss\":null,\"final_loss_nonfinite\":\"Infinity\",\"elapsed_s\":3.0}", lines[3]);
    }

    [Fact]
    public void LoneSurrogates_AreWrittenAsEscapesNotReplaced()
    {
        // UTF-8 cannot encode a lone surrogate; the line keeps it as a \uXXXX escape (as Python's json does), while a
        // proper pair and other text outside ASCII are written as they are.
        string path = Path.Combine(_dir, "surrogates.jsonl");
        var log = new JsonLinesLog(path);
        TrainingRun run = TrainingRig.Run(new ScalarModel(), new LineData(3), new TrainOptions { Epochs = 1 });
        var metrics = new Dictionary<string, double> { ["m\uDC00"] = 1.0 };
        log.OnTrainBegin(run);
        log.OnStepEnd(run, new StepRecord(0, 0, 0, 2.0, 3, TimeSpan.FromSeconds(0.25), metrics));
        log.OnTrainEnd(run, new FitResult(StopReason.Failed, "a\uD800b \uD83D\uDE00 \uDE00\uD83D\u0001", 1, 1, 1.0, [], TimeSpan.FromSeconds(3)));

        string[] lines = File.ReadAllLines(path);
        Assert.EndsWith(",\"m\\udc00\":1.0}", lines[1]);
        Assert.Contains("\"message\":\"a\\ud800b \uD83D\uDE00 \\ude00\\ud83d\\u0001\"", lines[2]);
        Assert.DoesNotContain("\uFFFD", File.ReadAllText(path));
    }

    [Fact]
    public void JsonLinesLog_DoesNotReferenceNewtonsoftJson()
        => Assert.DoesNotContain(typeof(JsonLinesLog).Assembly.GetReferencedAssemblies(), a => a.Name == "Newtonsoft.Json");

    [Fact]
    public void Constructor_RejectsANonPositiveInterval()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLinesLog(Path.Combine(_dir, "x.jsonl"), everySteps: 0));
        Assert.Contains("got 0", e.Message);
    }
}
