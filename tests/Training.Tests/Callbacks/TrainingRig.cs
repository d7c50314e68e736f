using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Callbacks;

/// <summary>A model with one weight w, fitted to y = 3x by mean squared error.</summary>
internal sealed class ScalarModel : Module
{
    public ScalarModel(double w0 = 0) => W = RegisterParameter("w", TN.Tensor([w0], 1));

    public Parameter W { get; }

    public double Weight => W.Value.Item();
}

/// <summary>Seeded batches of (x, 3x), the same for every epoch.</summary>
internal sealed class LineData : IBatchSource
{
    private readonly List<Batch> _batches = [];

    public LineData(int batchesPerEpoch, int batchSize = 4, ulong seed = 7)
    {
        var gen = new Generator(seed);
        for (int b = 0; b < batchesPerEpoch; b++)
        {
            Tensor x = TN.Randn(gen, DType.Float64, batchSize);
            _batches.Add(new Batch(x, targets: x * 3.0));
        }
    }

    public int BatchesPerEpoch => _batches.Count;

    public int SamplesPerEpoch => _batches.Sum(b => b.Count);

    public IEnumerable<Batch> Batches(int epoch, int skip = 0) => _batches.Skip(skip);
}

/// <summary>A callback that runs the given actions (to look at files between events).</summary>
internal sealed class Probe : Callback
{
    public Action<TrainingRun, StepRecord>? Step { get; init; }

    public Action<TrainingRun, EpochRecord>? Epoch { get; init; }

    public List<StepRecord> Steps { get; } = [];

    public override void OnStepEnd(TrainingRun run, StepRecord step)
    {
        Steps.Add(step);
        Step?.Invoke(run, step);
    }

    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch) => Epoch?.Invoke(run, epoch);
}

internal static class TrainingRig
{
    /// <summary>The mean squared error of w·x against the batch's targets.</summary>
    public static Func<Batch, Tensor> Mse(ScalarModel model) => batch => TN.MseLoss(batch.Inputs * model.W.Value, batch.Targets!);

    /// <summary>An objective whose value at step k is <paramref name="losses"/>(k) (a zero-weight term keeps w in the graph).</summary>
    public static Func<Batch, Tensor> Scripted(ScalarModel model, Func<int, double> losses)
    {
        int step = 0;
        return _ => (model.W.Value * 0.0).Sum() + losses(step++);
    }

    /// <summary>Validation metrics taken from a script, one entry per epoch.</summary>
    public static Func<Module, IReadOnlyDictionary<string, double>> Validation(string name, params double[] values)
    {
        int epoch = 0;
        return _ => new Dictionary<string, double> { [name] = values[Math.Min(epoch++, values.Length - 1)] };
    }

    public static FitResult Fit(ScalarModel model, IBatchSource data, TrainOptions options, Func<Batch, Tensor>? objective = null, double learningRate = 0.1) =>
        Trainer.Fit(model, data, objective ?? Mse(model), new GradientScheme(new Sgd(model.Parameters(), learningRate)), options);

    /// <summary>A run of <paramref name="model"/> as a callback sees it, without training.</summary>
    public static TrainingRun Run(ScalarModel model, IBatchSource data, TrainOptions options, long startStep = 0)
    {
        var scheme = new GradientScheme(new Sgd(model.Parameters(), 0.1));
        return new TrainingRun(model, scheme, options, data.BatchesPerEpoch, data.SamplesPerEpoch, () => throw new NotSupportedException())
        {
            StartStep = startStep,
            Step = startStep,
        };
    }

    /// <summary>A fresh directory under the temp folder.</summary>
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tn-callbacks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
