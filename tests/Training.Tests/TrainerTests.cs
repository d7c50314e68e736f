using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;
using TensorNetworks.Training.Tests.Optimizers;
using TensorNetworks.Training.Tests.Schemes;

namespace TensorNetworks.Training.Tests;

public class TrainerTests
{
    private sealed class Scalar : Module
    {
        public Scalar(double start) => W = RegisterParameter("w", TN.Tensor([start], 1));
        public Parameter W { get; }
    }

    /// <summary>Batches of one sample each.</summary>
    private sealed class Samples(int count) : IBatchSource
    {
        public int BatchesPerEpoch => count;
        public int SamplesPerEpoch => count;
        public IEnumerable<Batch> Batches(int epoch, int skip = 0) =>
            Enumerable.Range(skip, count - skip).Select(i => new Batch(TN.Tensor([(double)i], 1)));
    }

    private sealed class EventLog : Callback
    {
        public List<string> Events { get; } = [];
        public override void OnTrainBegin(TrainingRun run) => Events.Add($"begin {run.PlannedSteps}");
        public override void OnStepEnd(TrainingRun run, StepRecord step) => Events.Add($"step {step.Step} {step.Epoch}/{step.BatchIndex}");
        public override void OnEpochEnd(TrainingRun run, EpochRecord epoch) => Events.Add($"epoch {epoch.Epoch} {string.Join(",", epoch.Metrics.Keys.Order())}");
        public override void OnTrainEnd(TrainingRun run, FitResult result) => Events.Add($"end {result.StopReason}");
    }

    private static Tensor Quadratic(Scalar model) => (model.W.Value - 3.0).Pow(2).Sum();

    [Fact]
    public void Fit_CallsCallbacksInOrderWithValidation()
    {
        var model = new Scalar(0);
        var log = new EventLog();
        Trainer.Fit(model, new Samples(2), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 2, Callbacks = { log }, Validate = m => new Dictionary<string, double> { ["training"] = m.IsTraining ? 1 : 0 } });
        Assert.Equal(["begin 4", "step 0 0/0", "step 1 0/1", "epoch 0 learning_rate,training", "step 2 1/0", "step 3 1/1", "epoch 1 learning_rate,training", "end Completed"], log.Events);
        Assert.True(model.IsTraining);
    }

    [Fact]
    public void Fit_RefusesAnObjectiveThatReturnsMoreThanOneElement()
    {
        var model = new Scalar(0);
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(model, new Samples(2), _ => (model.W.Value - TN.Zeros(DType.Float64, 2)).Pow(2),
            new GradientScheme(new Sgd(model.Parameters(), 0.1)), new TrainOptions { Epochs = 1 }));
        Assert.Contains("tensor of shape [2] at step 0", e.Message);
        Assert.Contains("scalar loss", e.Message);
    }

    /// <summary>Cancels its source when the step with the given index ends.</summary>
    private sealed class CancelAt(CancellationTokenSource source, long step) : Callback
    {
        public override void OnStepEnd(TrainingRun run, StepRecord record)
        {
            if (record.Step == step) source.Cancel();
        }
    }

    [Fact]
    public void Fit_StopsAtTheStepBoundaryAfterCancellation()
    {
        var model = new Scalar(0);
        using var cancel = new CancellationTokenSource();
        var log = new EventLog();
        FitResult r = Trainer.Fit(model, new Samples(4), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 5, Cancellation = cancel.Token, Callbacks = { new CancelAt(cancel, 5), log } });
        Assert.Equal(StopReason.Requested, r.StopReason);
        Assert.Equal(6, r.Steps);
        Assert.Equal("Cancelled after 6 steps (TrainOptions.Cancellation).", r.Message);
        Assert.Equal(["step 4 1/0", "step 5 1/1", "end Requested"], log.Events[^3..]);

        var fresh = new Scalar(0);
        FitResult none = Trainer.Fit(fresh, new Samples(4), _ => Quadratic(fresh), new GradientScheme(new Sgd(fresh.Parameters(), 0.1)),
            new TrainOptions { Epochs = 5, Cancellation = cancel.Token });
        Assert.Equal(0, none.Steps);
        Assert.Equal(StopReason.Requested, none.StopReason);
    }

    [Fact]
    public void Fit_StopsAtMaxSteps()
    {
        var model = new Scalar(0);
        FitResult r = Trainer.Fit(model, new Samples(4), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 10, MaxSteps = 6 });
        Assert.Equal(StopReason.MaxSteps, r.StopReason);
        Assert.Equal(6, r.Steps);
        Assert.Equal(1, r.Epochs);
    }

    [Fact]
    public void Fit_SaysTheLossRoseWhenItStopsOnARise()
    {
        var model = new Scalar(0);
        double[] losses = [1.0, 2.0, 3.0];
        int step = 0;
        FitResult r = Trainer.Fit(model, new Samples(1), _ => (model.W.Value * 0.0).Sum() + losses[step++], new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 3, LossTolerance = 1e-6 });
        Assert.Equal(StopReason.Converged, r.StopReason);
        Assert.Contains("The epoch loss rose by 1 (relative: 1 to 2)", r.Message);
    }

    [Fact]
    public void Fit_StopsWhenTheEpochLossStopsImproving()
    {
        var model = new Scalar(0);
        FitResult r = Trainer.Fit(model, new Samples(1), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.5)),
            new TrainOptions { Epochs = 100, LossTolerance = 0.5 });
        Assert.Equal(StopReason.Converged, r.StopReason);
        Assert.True(r.Epochs < 100);
    }

    /// <summary>The objective's value on its <paramref name="poisonedCall"/>-th call (0-based) is NaN.</summary>
    private static Func<Batch, Tensor> PoisonedQuadratic(Scalar model, int poisonedCall)
    {
        int calls = 0;
        return _ => calls++ == poisonedCall ? Quadratic(model) * double.NaN : Quadratic(model);
    }

    [Fact]
    public void Fit_StopsBeforeTheUpdateWhenTheLossIsNonFinite()
    {
        var straight = new Scalar(0);
        Trainer.Fit(straight, new Samples(4), _ => Quadratic(straight), new GradientScheme(new Adam(straight.Parameters(), 0.1)), new TrainOptions { Epochs = 5, MaxSteps = 10 });

        var model = new Scalar(0);
        var scheme = new GradientScheme(new Adam(model.Parameters(), 0.1));
        var log = new EventLog();
        var e = Assert.Throws<NonFiniteException>(() => Trainer.Fit(model, new Samples(4), PoisonedQuadratic(model, 7), scheme,
            new TrainOptions { Epochs = 5, Callbacks = { log } }));

        Assert.Equal((7L, null, true), (e.Step, e.ParameterName, double.IsNaN(e.Loss)));
        Assert.StartsWith("Training stopped at step 7 (0-based; 7 steps had completed): the loss is NaN", e.Message);
        Assert.Equal("end Failed", log.Events[^1]);
        Assert.DoesNotContain(log.Events, s => s.StartsWith("step 7 ", StringComparison.Ordinal));
        Assert.True(model.W.Value.AllFinite());
        Trainer.Fit(model, new Samples(4), _ => Quadratic(model), scheme, new TrainOptions { Epochs = 5, MaxSteps = 3 });
        Assert.Equal(BitConverter.DoubleToInt64Bits(straight.W.Value[0]), BitConverter.DoubleToInt64Bits(model.W.Value[0]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_EndsFailedWhenLbfgsCannotMoveFromTheStart(bool lossTolerance)
    {
        var problem = new LogBarrier(DType.Float64);
        var lbfgs = new Lbfgs(problem.Parameters(), learningRate: 10, lineSearch: LbfgsLineSearch.None);
        var end = new EndResult();

        var e = Assert.Throws<LbfgsStepException>(() => Trainer.Fit(problem, new FullBatch(new Batch(TN.Zeros(1))), _ => problem.RecordedLoss(),
            new GradientScheme(lbfgs), new TrainOptions { Epochs = 5, LossTolerance = lossTolerance ? 1e-6 : null, Callbacks = { end } }));

        Assert.Equal(StopReason.Failed, end.Result!.StopReason);
        Assert.Equal(e.Message, end.Result.Message);
        Assert.Contains("lower learningRate", e.Message);
        Assert.Equal(LogBarrier.Start, problem.Values);
    }

    private sealed class EndResult : Callback
    {
        public FitResult? Result { get; private set; }
        public override void OnTrainEnd(TrainingRun run, FitResult result) => Result = result;
    }

    [Fact]
    public void Fit_NamesTheParameterThatAnUpdateOfAFiniteLossMadeNonFinite()
    {
        var model = new Scalar(1);
        var log = new EventLog();
        var e = Assert.Throws<NonFiniteException>(() => Trainer.Fit(model, new Samples(5),
            b => (model.W.Value * b.Inputs).Sum() * 1e300, new GradientScheme(new Sgd(model.Parameters(), 1e10)),
            new TrainOptions { Epochs = 3, Callbacks = { log } }));

        Assert.Equal((1L, "w", 1e300), (e.Step, e.ParameterName, e.Loss));
        Assert.Contains("step 1", e.Message);
        Assert.Contains("parameter \"w\"", e.Message);
        Assert.Equal("end Failed", log.Events[^1]);
        Assert.DoesNotContain(log.Events, s => s.StartsWith("step 1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_WithoutStopOnNonFinite_KeepsRunningThroughANonFiniteLoss()
    {
        var model = new Scalar(0);
        FitResult r = Trainer.Fit(model, new Samples(4), PoisonedQuadratic(model, 2), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 2, StopOnNonFinite = false });

        Assert.Equal((StopReason.Completed, 8L), (r.StopReason, r.Steps));
        Assert.True(double.IsNaN(r.History[0].MeanLoss));
    }

    [Fact]
    public void Fit_RequestedStopEndsAfterTheStep()
    {
        var model = new Scalar(0);
        FitResult r = Trainer.Fit(model, new Samples(10), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 5, Callbacks = { new StopAt(3) } });
        Assert.Equal(StopReason.Requested, r.StopReason);
        Assert.Equal(4, r.Steps);
        Assert.Contains("step 3", r.Message);
    }

    private sealed class StopAt(long step) : Callback
    {
        public override void OnStepEnd(TrainingRun run, StepRecord s)
        {
            if (s.Step == step) run.RequestStop($"asked at step {s.Step}");
        }
    }

    [Fact]
    public void Fit_ThrowsForOutOfRangeOptions()
    {
        var model = new Scalar(0);
        var scheme = new GradientScheme(new Sgd(model.Parameters(), 0.1));
        Assert.Contains("Epochs must be at least 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Fit(model, new Samples(1), _ => Quadratic(model), scheme, new TrainOptions { Epochs = 0 })).Message);
        Assert.Contains("no batches", Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(model, new Samples(0), _ => Quadratic(model), scheme)).Message);
    }

    [Fact]
    public void GradientScheme_RejectsAnOptimizerOverAnotherModel()
    {
        var model = new Scalar(0);
        var other = new Scalar(0);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, new Samples(1), _ => Quadratic(model),
            new GradientScheme(new Sgd(other.Parameters(), 0.1))));
        Assert.Contains("not a parameter", e.Message);
    }

    /// <summary>After the last step of an epoch the epoch's end is pending (all its batches done, its sums
    /// kept); after the end the position is the next epoch, and the epoch's mean is the previous loss.</summary>
    [Fact]
    public void Snapshot_RecordsPositionAndEpochSumsAfterEachStepAndEpochEnd()
    {
        var model = new Scalar(0);
        var states = new List<TrainingState>();
        var snapshots = new Snapshots(states);
        Trainer.Fit(model, new Samples(2), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 2, Callbacks = { snapshots } });

        double loss0 = snapshots.Losses[0], loss1 = snapshots.Losses[1];
        Assert.Equal(9, loss0);
        Assert.Equal([(1L, 0, 1), (2L, 0, 2), (2L, 1, 0), (3L, 1, 1), (4L, 1, 2), (4L, 2, 0)], states.Select(s => (s.Step, s.Epoch, s.BatchInEpoch)));
        Assert.Equal([(loss0, 1L, null), (loss0 + loss1, 2L, null), (0, 0L, (loss0 + loss1) / 2)], states.Take(3).Select(s => (s.EpochLossSum, s.EpochSamples, s.PreviousEpochLoss)));
        Assert.Equal(0.1, states[0].StepMetrics["learning_rate"]);
        Assert.Equal(model.W.Value[0], states[^1].Parameters["w"][0]);
    }

    private sealed class Snapshots(List<TrainingState> into) : Callback
    {
        public List<double> Losses { get; } = [];

        public override void OnStepEnd(TrainingRun run, StepRecord step)
        {
            Losses.Add(step.Loss);
            into.Add(run.Snapshot());
        }

        public override void OnEpochEnd(TrainingRun run, EpochRecord epoch) => into.Add(run.Snapshot());
    }

    [Fact]
    public void Fit_MaxStepsAtTheLastBatchOfAnEpoch_EndsThatEpochFirst()
    {
        var model = new Scalar(0);
        var log = new EventLog();
        FitResult r = Trainer.Fit(model, new Samples(2), _ => Quadratic(model), new GradientScheme(new Sgd(model.Parameters(), 0.1)),
            new TrainOptions { Epochs = 5, MaxSteps = 4, Callbacks = { log } });

        Assert.Equal((StopReason.MaxSteps, 4L, 2), (r.StopReason, r.Steps, r.Epochs));
        Assert.Equal([0, 1], r.History.Select(h => h.Epoch));
        Assert.Equal(["step 3 1/1", "epoch 1 learning_rate", "end MaxSteps"], log.Events[^3..]);
    }

    private sealed class ThrowsAtEnd : Callback
    {
        public override void OnTrainEnd(TrainingRun run, FitResult result) => throw new InvalidOperationException("callback failed");
    }

    [Fact]
    public void Fit_EndsEveryCallbackOnceEvenWhenOneThrows()
    {
        var model = new Scalar(0);
        var log = new EventLog();
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(model, new Samples(1), _ => Quadratic(model),
            new GradientScheme(new Sgd(model.Parameters(), 0.1)), new TrainOptions { Epochs = 1, Callbacks = { new ThrowsAtEnd(), log } }));
        Assert.Equal("callback failed", e.Message);
        Assert.Single(log.Events, s => s.StartsWith("end", StringComparison.Ordinal));
        Assert.Equal("end Completed", log.Events[^1]);
    }
}
