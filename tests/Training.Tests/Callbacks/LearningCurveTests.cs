using System.Xml.Linq;
using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public sealed class LearningCurveTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly string _dir = TrainingRig.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static int Vertices(XElement path) => ((string)path.Attribute("d")!).Count(c => c is 'M' or 'L');

    [Fact]
    public void Fit_DrawsTheLossAxesAndValidationMetrics()
    {
        string path = Path.Combine(_dir, "plots", "curve.svg");
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(6), new TrainOptions
        {
            Epochs = 4,
            Validate = TrainingRig.Validation("val_error", 0.4, 0.3, 0.2, 0.1),
            Callbacks = { new LearningCurve(path) },
        });

        XDocument doc = XDocument.Load(path);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(24, Vertices(WithClass(doc, "loss-raw").Single()));
        Assert.Equal(24, Vertices(WithClass(doc, "loss-smooth").Single()));
        Assert.Equal(4, WithClass(doc, "epoch-loss").Single().Elements(Svg + "circle").Count());
        XElement metric = WithClass(doc, "metric").Single();
        Assert.Equal("val_error", (string)metric.Attribute("data-metric")!);
        Assert.Equal(4, Vertices(metric));
        Assert.DoesNotContain(WithClass(doc, "metric"), m => (string?)m.Attribute("data-metric") == "learning_rate");

        XElement[] xAxes = WithClass(doc, "x").ToArray();
        Assert.Equal(2, xAxes.Length);
        Assert.Equal(["step", "epoch"], xAxes.Select(a => WithClass(new XDocument(a), "label").Single().Value));
        Assert.Equal(["1", "2", "3", "4"], WithClass(new XDocument(xAxes[1]), "tick").Select(t => t.Value));
        Assert.All(WithClass(doc, "y"), a => Assert.True(WithClass(new XDocument(a), "tick").Count() >= 2));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void LossSpanningMoreThanTwoDecades_GetsALogAxis()
    {
        string wide = Path.Combine(_dir, "wide.svg"), narrow = Path.Combine(_dir, "narrow.svg");
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(10), new TrainOptions { Epochs = 1, Callbacks = { new LearningCurve(wide) } },
            TrainingRig.Scripted(model, k => Math.Pow(10, -k / 3.0)));
        TrainingRig.Fit(model, new LineData(10), new TrainOptions { Epochs = 1, Callbacks = { new LearningCurve(narrow) } },
            TrainingRig.Scripted(model, k => 1 + k));

        XDocument wideDoc = XDocument.Load(wide), narrowDoc = XDocument.Load(narrow);
        Assert.Equal("loss (log scale)", WithClass(new XDocument(WithClass(wideDoc, "y").First()), "label").Single().Value);
        Assert.Equal(["1e-3", "0.01", "0.1", "1"], WithClass(new XDocument(WithClass(wideDoc, "y").First()), "tick").Select(t => t.Value));
        Assert.Equal("loss", WithClass(new XDocument(WithClass(narrowDoc, "y").First()), "label").Single().Value);
        Assert.Empty(WithClass(narrowDoc, "metric"));
    }

    [Fact]
    public void EachEpoch_ReplacesTheFileAtomically()
    {
        string path = Path.Combine(_dir, "atomic.svg");
        FileStream? heldOpen = null;
        string? firstEpochText = null;
        string? oldHandleAfterSecondEpoch = null;
        var probe = new Probe
        {
            Epoch = (_, epoch) =>
            {
                if (epoch.Epoch == 0)
                {
                    firstEpochText = File.ReadAllText(path);
                    heldOpen = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                else if (epoch.Epoch == 1)
                {
                    using var reader = new StreamReader(heldOpen!);
                    oldHandleAfterSecondEpoch = reader.ReadToEnd();
                }
            },
        };
        TrainingRig.Fit(new ScalarModel(), new LineData(5), new TrainOptions { Epochs = 2, Callbacks = { new LearningCurve(path), probe } });

        Assert.Equal(firstEpochText, oldHandleAfterSecondEpoch);
        XDocument.Parse(oldHandleAfterSecondEpoch!);
        string final = File.ReadAllText(path);
        Assert.NotEqual(firstEpochText, final);
        Assert.Equal(10, Vertices(WithClass(XDocument.Parse(final), "loss-raw").Single()));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void OnTrainEnd_WritesTheCurveAlsoWhenTheRunFails()
    {
        string path = Path.Combine(_dir, "failed.svg");
        var model = new ScalarModel();
        Func<TensorNetworks.Training.Data.Batch, Tensor> mse = TrainingRig.Mse(model);
        int calls = 0;
        Assert.Throws<InvalidOperationException>(() => TrainingRig.Fit(model, new LineData(5), new TrainOptions
        {
            Epochs = 2,
            Callbacks = { new LearningCurve(path) },
        }, batch => ++calls == 4 ? throw new InvalidOperationException("broke") : mse(batch)));

        XDocument doc = XDocument.Load(path);
        Assert.Equal(3, Vertices(WithClass(doc, "loss-raw").Single()));
        Assert.Contains("Failed after 3 steps", WithClass(doc, "title").Single().Value);
    }

    [Fact]
    public void LongRuns_KeepABoundedNumberOfPoints()
    {
        string path = Path.Combine(_dir, "long.svg");
        var model = new ScalarModel();
        TrainingRig.Fit(model, new LineData(1000, batchSize: 1), new TrainOptions { Epochs = 3, Callbacks = { new LearningCurve(path, maxPoints: 100) } },
            TrainingRig.Scripted(model, k => 1.0 / (1 + k)));

        int vertices = Vertices(WithClass(XDocument.Load(path), "loss-raw").Single());
        Assert.InRange(vertices, 50, 101);
    }

    [Fact]
    public void BesideALog_TheSvgTakesTheLogsName()
    {
        var log = new JsonLinesLog(Path.Combine(_dir, "runs", "fit.jsonl"));
        Assert.Equal(Path.Combine(_dir, "runs", "fit.svg"), new LearningCurve(log).Path);
    }

    [Fact]
    public void Constructor_RejectsTooFewPoints() =>
        Assert.Contains("got 3", Assert.Throws<ArgumentOutOfRangeException>(() => new LearningCurve(Path.Combine(_dir, "x.svg"), maxPoints: 3)).Message);
}
