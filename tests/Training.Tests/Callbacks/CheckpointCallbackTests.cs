using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Checkpoints;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Callbacks;

public sealed class CheckpointCallbackTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tn-ckpt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>y = x·w + b with three inputs.</summary>
    private sealed class Line : Module
    {
        private readonly Parameter _weight, _bias;

        public Line()
        {
            _weight = RegisterParameter("weight", TN.Tensor(new[] { 0.5, -0.25, 1.0 }, 3, 1));
            _bias = RegisterParameter("bias", TN.Zeros(DType.Float64, 1));
        }

        public override Tensor Forward(Tensor input) => TN.MatMul(input, _weight.Value) + _bias.Value;
    }

    /// <summary>SGD with momentum: v ← 0.9 v + g, p ← p − lr · v. The velocity is state a resume must restore.</summary>
    private sealed class MomentumSgd(IEnumerable<Parameter> parameters, double learningRate) : Optimizer(parameters, learningRate)
    {
        private readonly Dictionary<int, Tensor> _velocity = [];

        public override double Step(Func<double> evaluate)
        {
            double loss = evaluate();
            using (TN.NoGrad())
            {
                for (int i = 0; i < Parameters.Count; i++)
                {
                    Parameter p = Parameters[i];
                    if (!_velocity.TryGetValue(i, out Tensor? v)) _velocity[i] = v = TN.ZerosLike(p.Value);
                    v.ScaleInPlace(0.9);
                    v.AddInPlace(p.Grad!);
                    p.Value.AddInPlace(v, -LearningRate);
                }
            }
            StepCount++;
            return loss;
        }

        public override OptimizerState GetState()
        {
            var state = new OptimizerState(nameof(MomentumSgd));
            foreach (var (i, v) in _velocity) state.Tensors[$"velocity.{i}"] = v.Clone();
            state.Scalars["step_count"] = StepCount;
            return state;
        }

        public override void SetState(OptimizerState state)
        {
            Assert.Equal(nameof(MomentumSgd), state.Kind);
            _velocity.Clear();
            foreach (var (key, v) in state.Tensors) _velocity[int.Parse(key["velocity.".Length..])] = v.Clone();
            StepCount = (long)state.Scalars["step_count"];
        }
    }

    /// <summary>4 batches of 4 samples per epoch; batch b of epoch e is drawn from a generator seeded with (e, b).</summary>
    private sealed class SeededBatches : IBatchSource
    {
        public int BatchesPerEpoch => 4;

        public int SamplesPerEpoch => 16;

        public IEnumerable<Batch> Batches(int epoch, int skip = 0)
        {
            for (int b = skip; b < BatchesPerEpoch; b++)
            {
                var gen = new Generator((ulong)(1000 * epoch + b + 1));
                yield return new Batch(TN.Randn(gen, DType.Float64, 4, 3), TN.Randn(gen, DType.Float64, 4, 1));
            }
        }
    }

    /// <summary>Trains a fresh <see cref="Line"/>; the objective adds noise from the run's generator, so a resume
    /// must restore the generator too. <paramref name="poisonStep"/> makes that step's loss NaN.</summary>
    private static (Line Model, FitResult Result) Train(int epochs, long? maxSteps, string? resumeFrom, ulong seed, Callback? callback, int poisonStep = -1)
    {
        var model = new Line();
        var gen = new Generator(seed);
        var scheme = new GradientScheme(new MomentumSgd(model.Parameters(), learningRate: 0.05));
        int calls = 0;
        Tensor Objective(Batch b)
        {
            Tensor loss = TN.MseLoss(model.Forward(b.Inputs) + TN.Randn(gen, DType.Float64, b.Count, 1) * 0.01, b.Targets!);
            return calls++ == poisonStep ? loss * double.NaN : loss;
        }
        var options = new TrainOptions
        {
            Epochs = epochs,
            MaxSteps = maxSteps,
            ResumeFrom = resumeFrom,
            Generator = gen,
            Callbacks = callback is null ? [] : [callback],
        };
        return (model, Trainer.Fit(model, new SeededBatches(), Objective, scheme, options));
    }

    private string[] Names() => Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static long[] Bits(Module model) =>
        model.NamedParameters().SelectMany(p => p.Value.Value.ToArray<double>()).Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void Fit_WritesEveryNStepsAndKeepsTheLastK()
    {
        var (model, result) = Train(epochs: 5, maxSteps: null, resumeFrom: null, seed: 42, new CheckpointCallback(_dir, everySteps: 3, atEpochEnd: false, keepLast: 2));

        Assert.Equal(20, result.Steps);
        Assert.Equal(["last.safetensors", "step-000018.safetensors", "step-000020.safetensors"], Names());
        TrainingState last = Checkpoint.Load(Path.Combine(_dir, "last.safetensors"));
        Assert.Equal(20, last.Step);
        Assert.Equal(5, last.Epoch);
        Assert.Equal(0, last.BatchInEpoch);
        Assert.Equal(Bits(model), last.Parameters["weight"].ToArray<double>().Concat(last.Parameters["bias"].ToArray<double>()).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(18, Checkpoint.Load(Path.Combine(_dir, "step-000018.safetensors")).Step);
    }

    [Fact]
    public void Fit_WritesAtEveryEpochEndWithoutDuplicatingTheFinalOne()
    {
        Train(epochs: 5, maxSteps: null, resumeFrom: null, seed: 42, new CheckpointCallback(_dir, keepLast: 10));
        Assert.Equal(
            ["last.safetensors", "step-000004.safetensors", "step-000008.safetensors", "step-000012.safetensors", "step-000016.safetensors", "step-000020.safetensors"],
            Names());
    }

    [Fact]
    public void Fit_WritesTheEpochEndOverTheCheckpointOfTheStepThatEndsTheEpoch()
    {
        Train(epochs: 2, maxSteps: null, resumeFrom: null, seed: 42, new CheckpointCallback(_dir, everySteps: 4, keepLast: 10));

        Assert.Equal(["last.safetensors", "step-000004.safetensors", "step-000008.safetensors"], Names());
        TrainingState step4 = Checkpoint.Load(Path.Combine(_dir, "step-000004.safetensors"));
        Assert.Equal((4L, 1, 0, 0L), (step4.Step, step4.Epoch, step4.BatchInEpoch, step4.EpochSamples));
        Assert.NotNull(step4.PreviousEpochLoss);
    }

    [Fact]
    public void Fit_ResumedFromTheStep10Checkpoint_EndsWithTheSameParametersAsAnUninterruptedRun()
    {
        var (straight, straightResult) = Train(epochs: 5, maxSteps: null, resumeFrom: null, seed: 42, callback: null);

        var (firstHalf, _) = Train(epochs: 5, maxSteps: 10, resumeFrom: null, seed: 42, new CheckpointCallback(_dir, everySteps: 5, atEpochEnd: false, keepLast: 5));
        Assert.Equal(["last.safetensors", "step-000005.safetensors", "step-000010.safetensors"], Names());
        string step10 = Path.Combine(_dir, "step-000010.safetensors");
        TrainingState checkpoint = Checkpoint.Load(step10);
        Assert.Equal((2, 2), (checkpoint.Epoch, checkpoint.BatchInEpoch));
        Assert.NotEqual(Bits(straight), Bits(firstHalf));

        var (resumed, resumedResult) = Train(epochs: 5, maxSteps: null, resumeFrom: step10, seed: 999, callback: null);

        Assert.Equal(20, resumedResult.Steps);
        Assert.Equal(Bits(straight), Bits(resumed));
        Assert.Equal(BitConverter.DoubleToInt64Bits(straightResult.FinalLoss), BitConverter.DoubleToInt64Bits(resumedResult.FinalLoss));
    }

    [Fact]
    public void Fit_KeepsTheLastGoodCheckpointWhenTheLossTurnsNaN()
    {
        var e = Assert.Throws<NonFiniteException>(() =>
            Train(epochs: 5, maxSteps: null, resumeFrom: null, seed: 42, new CheckpointCallback(_dir, everySteps: 2, atEpochEnd: false, keepLast: 3), poisonStep: 7));

        Assert.Equal(7, e.Step);
        Assert.Equal(["last.safetensors", "step-000002.safetensors", "step-000004.safetensors", "step-000006.safetensors"], Names());
        TrainingState last = Checkpoint.Load(Path.Combine(_dir, "last.safetensors"));
        Assert.Equal(6, last.Step);
        Assert.All(last.Parameters.Values, p => Assert.True(p.AllFinite()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_FinalCheckpointHoldsTheLastStateWhereverEarlyStoppingRestoresTheBest(bool checkpointListedFirst)
    {
        var model = new Line();
        long[]? lastStep = null;
        var probe = new Probe { Step = (_, _) => lastStep = Bits(model) };
        var stopper = new EarlyStopping("val", patience: 10, restoreBest: true);
        var checkpoints = new CheckpointCallback(_dir, atEpochEnd: false);
        var options = new TrainOptions
        {
            Epochs = 3,
            Validate = TrainingRig.Validation("val", 1, 2, 3),
            Callbacks = checkpointListedFirst ? [checkpoints, stopper, probe] : [stopper, checkpoints, probe],
        };

        Trainer.Fit(model, new SeededBatches(), b => TN.MseLoss(model.Forward(b.Inputs), b.Targets!), new GradientScheme(new MomentumSgd(model.Parameters(), 0.05)), options);

        TrainingState final = Checkpoint.Load(Path.Combine(_dir, CheckpointCallback.LastFileName));
        long[] saved = [.. final.Parameters["weight"].ToArray<double>().Concat(final.Parameters["bias"].ToArray<double>()).Select(BitConverter.DoubleToInt64Bits)];
        Assert.Equal(12, final.Step);
        Assert.Equal(lastStep, saved);
        Assert.NotEqual(lastStep, Bits(model));
    }

    [Fact]
    public void Fit_LeavesStepFilesBeyondTheCurrentStepAlone()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "step-000100.safetensors"), "from an earlier run");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "mine");
        Train(epochs: 2, maxSteps: null, resumeFrom: null, seed: 1, new CheckpointCallback(_dir, everySteps: 2, atEpochEnd: false, keepLast: 1));
        Assert.Equal(["last.safetensors", "notes.txt", "step-000008.safetensors", "step-000100.safetensors"], Names());
    }

    [Fact]
    public void Constructor_ThrowsForBadArguments()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new CheckpointCallback(_dir, everySteps: 0)).Message);
        Assert.Contains("got -1", Assert.Throws<ArgumentOutOfRangeException>(() => new CheckpointCallback(_dir, keepLast: -1)).Message);
        Assert.ThrowsAny<ArgumentException>(() => new CheckpointCallback(" "));
    }

    [Fact]
    public void FileName_PadsTheStepToSixDigits()
    {
        Assert.Equal("step-000120.safetensors", CheckpointCallback.FileName(120));
        Assert.Equal("step-1234567.safetensors", CheckpointCallback.FileName(1234567));
    }
}
