using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Checkpoints;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests;

/// <summary>A run stopped at a checkpoint and resumed in a fresh model equals the run that never stopped:
/// parameters, Adam's moments, the shuffled batch order and the dropout masks, and also what the loop
/// reports (epoch records, the LossTolerance stop) and what a stateful callback (EarlyStopping) decides.</summary>
public sealed partial class ResumeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tn-resume-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private sealed record Run(Sequential Model, Generator Generator, GradientScheme Scheme);

    /// <summary>A network with dropout drawing from the run's generator, so checkpoints carry its state.</summary>
    private static Run NewRun(ulong initSeed, long scheduleSteps = 20)
    {
        var generator = new Generator(initSeed);
        var model = new Sequential(
            new Linear(4, 8, generator, dtype: DType.Float64), new Tanh(), new Dropout(0.25, generator), new Linear(8, 1, generator, dtype: DType.Float64));
        var scheme = new GradientScheme(new Adam(model.Parameters(), learningRate: 0.02), new CosineSchedule(scheduleSteps, minLearningRate: 1e-3));
        return new Run(model, generator, scheme);
    }

    /// <summary><paramref name="count"/> samples of y = tanh(x·a).</summary>
    private static (Tensor X, Tensor Y) Samples(int count)
    {
        var gen = new Generator(99);
        Tensor x = TN.Randn(gen, DType.Float64, count, 4);
        return (x, TN.MatMul(x, TN.Randn(gen, DType.Float64, 4, 1)).Tanh());
    }

    private static DataLoader Data(int samples = 47, int batchSize = 10)
    {
        var (x, y) = Samples(samples);
        return new DataLoader(new InMemoryDataset(x, y), batchSize, shuffle: true, seed: 5);
    }

    /// <summary>Five shuffled batches of eight per epoch, the review's setup.</summary>
    private static DataLoader FiveBatches() => Data(samples: 40, batchSize: 8);

    private static Func<Batch, Tensor> Objective(Module model) => b => TN.MseLoss(model.Forward(b.Inputs), b.Targets!);

    /// <summary>The mean squared error on all the data (the trainer calls it in evaluation mode).</summary>
    private static IReadOnlyDictionary<string, double> Validation(Module model)
    {
        var (x, y) = Samples(40);
        return new Dictionary<string, double> { ["val_mse"] = TN.MseLoss(model.Forward(x), y).Item() };
    }

    private static FitResult Fit(Run run, DataLoader data, TrainOptions options) =>
        Trainer.Fit(run.Model, data, Objective(run.Model), run.Scheme, options);

    private static long[] Bits(Module model) =>
        model.NamedParameters().SelectMany(p => p.Value.Value.ToArray<double>()).Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static void AssertSameRecords(IEnumerable<EpochRecord> expected, IEnumerable<EpochRecord> actual)
    {
        static string Describe(EpochRecord r) =>
            $"epoch {r.Epoch} step {r.Step} mean {BitConverter.DoubleToInt64Bits(r.MeanLoss)} ({r.MeanLoss:R}) " +
            string.Join(" ", r.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={BitConverter.DoubleToInt64Bits(m.Value)}")) +
            " | " + string.Join(" ", r.Validation.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={BitConverter.DoubleToInt64Bits(m.Value)}"));
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    [Fact]
    public void TenStepsSaveResumeTen_EqualsTwentyStraightStepsBitForBit()
    {
        Run straight = NewRun(1);
        Fit(straight, Data(), new TrainOptions { Epochs = 4, Generator = straight.Generator });

        Run first = NewRun(1);
        Fit(first, Data(), new TrainOptions { Epochs = 4, MaxSteps = 10, Generator = first.Generator, Callbacks = { new CheckpointCallback(_directory, everySteps: 10, atEpochEnd: false) } });

        Run resumed = NewRun(12345);
        FitResult result = Fit(resumed, Data(), new TrainOptions { Epochs = 4, Generator = resumed.Generator, ResumeFrom = Path.Combine(_directory, "step-000010.safetensors") });

        Assert.Equal(20, result.Steps);
        foreach (var ((name, expected), (_, actual)) in straight.Model.NamedParameters().Zip(resumed.Model.NamedParameters()))
            Assert.True(expected.Value.ToArray<double>().SequenceEqual(actual.Value.ToArray<double>()), $"{name} differs after resuming");
    }

    /// <summary>A first run from <c>newRun(1)</c> stops after <paramref name="steps"/> steps, by MaxSteps or by
    /// a callback's request, writing a final checkpoint; a second from <c>newRun(12345)</c> (other parameters,
    /// other generator state) resumes from it and runs to the end.</summary>
    private (FitResult Result, Run Resumed) StopAndResume(long steps, bool byRequest, Func<ulong, Run> newRun, TrainOptions options, Func<Callback>? stateful = null,
        bool checkpointListedFirst = false)
    {
        Run first = newRun(1);
        var callbacks = new List<Callback>();
        if (stateful is not null) callbacks.Add(stateful());
        if (byRequest) callbacks.Add(new StopAfterStep(steps - 1));
        callbacks.Insert(checkpointListedFirst ? 0 : callbacks.Count, new CheckpointCallback(_directory));
        Fit(first, FiveBatches(), With(options, first.Generator, callbacks, maxSteps: byRequest ? null : steps));

        Run resumed = newRun(12345);
        FitResult result = Fit(resumed, FiveBatches(), With(options, resumed.Generator, stateful is null ? [] : [stateful()],
            resumeFrom: Path.Combine(_directory, CheckpointCallback.LastFileName)));
        return (result, resumed);
    }

    /// <summary><paramref name="options"/>' epochs, tolerance and validation with the run's generator and callbacks.</summary>
    private static TrainOptions With(TrainOptions options, Generator generator, List<Callback> callbacks, long? maxSteps = null, string? resumeFrom = null) => new()
    {
        Epochs = options.Epochs, LossTolerance = options.LossTolerance, Validate = options.Validate,
        Generator = generator, Callbacks = callbacks, MaxSteps = maxSteps, ResumeFrom = resumeFrom,
    };

    /// <summary>Stopped mid-epoch (7 steps), after the last batch of epoch 1 but before its end (a request
    /// at step 10), and after that epoch's end (MaxSteps = 10).</summary>
    [Theory]
    [InlineData(7, false, 1)]
    [InlineData(10, true, 1)]
    [InlineData(10, false, 2)]
    public void Resume_ReportsTheEpochRecordsOfTheUninterruptedRun(long steps, bool byRequest, int firstResumedEpoch)
    {
        var options = new TrainOptions { Epochs = 4, Validate = Validation };
        Run straight = NewRun(1);
        FitResult expected = Fit(straight, FiveBatches(), With(options, straight.Generator, []));

        var (result, resumed) = StopAndResume(steps, byRequest, seed => NewRun(seed), options);

        AssertSameRecords(expected.History.Where(r => r.Epoch >= firstResumedEpoch), result.History);
        Assert.Equal(expected.Steps, result.Steps);
        Assert.Equal(Bits(straight.Model), Bits(resumed.Model));
    }

    /// <summary>Stopped in the epoch whose end converges, or after the last batch of the epoch before it
    /// (before or after that epoch's end): the resumed run's first convergence check needs the running sums
    /// and the previous epoch's mean loss.</summary>
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    [InlineData(5, false)]
    public void Resume_StopsOnLossToleranceAtTheStepOfTheUninterruptedRun(int stepsBeforeConvergence, bool byRequest)
    {
        var options = new TrainOptions { Epochs = 40, LossTolerance = 0.03 };
        Run straight = NewRun(1, scheduleSteps: 200);
        FitResult expected = Fit(straight, FiveBatches(), With(options, straight.Generator, []));
        Assert.Equal(StopReason.Converged, expected.StopReason);
        Assert.True(expected.Steps >= 15, $"the uninterrupted run converged after {expected.Steps} steps, too early for the test");

        var (result, resumed) = StopAndResume(expected.Steps - stepsBeforeConvergence, byRequest, seed => NewRun(seed, scheduleSteps: 200), options);

        Assert.Equal((StopReason.Converged, expected.Steps, expected.Message), (result.StopReason, result.Steps, result.Message));
        Assert.Equal(Bits(straight.Model), Bits(resumed.Model));
    }

    /// <summary>No epoch after the first improves the loss by 10, so the run stops after 1 + patience epochs
    /// and puts back the parameters of epoch 0; a resume in between must remember both.</summary>
    [Theory]
    [InlineData(7, false, false)]
    [InlineData(10, true, false)]
    [InlineData(13, false, false)]
    [InlineData(10, false, true)]
    [InlineData(13, false, true)]
    public void Resume_KeepsEarlyStoppingsBestValuePatienceAndBestParameters(long steps, bool byRequest, bool checkpointListedFirst)
    {
        var options = new TrainOptions { Epochs = 10 };
        EarlyStopping? last = null;
        Callback Stopper() => last = new EarlyStopping(patience: 3, minDelta: 10, restoreBest: true);

        Run straight = NewRun(1);
        FitResult expected = Fit(straight, FiveBatches(), With(options, straight.Generator, [Stopper()]));
        EarlyStopping straightStopper = last!;
        Assert.Equal((StopReason.Requested, 20L), (expected.StopReason, expected.Steps));

        var (result, resumed) = StopAndResume(steps, byRequest, seed => NewRun(seed), options, Stopper, checkpointListedFirst);

        Assert.Equal((expected.StopReason, expected.Steps, expected.Message), (result.StopReason, result.Steps, result.Message));
        Assert.Equal((straightStopper.BestEpoch, straightStopper.BestValue), (last!.BestEpoch, last.BestValue));
        Assert.Equal(Bits(straight.Model), Bits(resumed.Model));
    }

    [Fact]
    public void Resume_FromAPendingEpochEnd_EndsThatEpochBeforeTheNextStep()
    {
        Run first = NewRun(1);
        Fit(first, FiveBatches(), new TrainOptions
        {
            Epochs = 4, Generator = first.Generator,
            Callbacks = { new StopAfterStep(9), new CheckpointCallback(_directory, everySteps: 5, atEpochEnd: false) },
        });
        TrainingState pending = Checkpoint.Load(Path.Combine(_directory, CheckpointCallback.LastFileName));
        Assert.Equal((10L, 1, 5), (pending.Step, pending.Epoch, pending.BatchInEpoch));

        Run resumed = NewRun(12345);
        FitResult result = Fit(resumed, FiveBatches(), new TrainOptions
        {
            Epochs = 2, Generator = resumed.Generator,
            ResumeFrom = Path.Combine(_directory, CheckpointCallback.LastFileName),
        });

        Assert.Equal((StopReason.Completed, 10L, 2), (result.StopReason, result.Steps, result.Epochs));
        EpochRecord epoch = Assert.Single(result.History);
        Assert.Equal((1, 10L), (epoch.Epoch, epoch.Step));
        Assert.Contains("learning_rate", epoch.Metrics.Keys);
    }

    /// <summary>Asks to stop after the given step, before the epoch it ends has been ended.</summary>
    private sealed class StopAfterStep(long step) : Callback
    {
        public override void OnStepEnd(TrainingRun run, StepRecord record)
        {
            if (record.Step == step) run.RequestStop($"stop after step {step}");
        }
    }
}
