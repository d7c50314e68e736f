using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Callbacks;

public class EarlyStoppingTests
{
    [Fact]
    public void Fit_StopsAfterPatienceEpochsWithoutImprovement()
    {
        var stopper = new EarlyStopping("val_error", patience: 3);
        FitResult result = TrainingRig.Fit(new ScalarModel(), new LineData(2), new TrainOptions
        {
            Epochs = 20,
            Validate = TrainingRig.Validation("val_error", 5, 4, 3, 3.5, 3.2, 3.1, 1, 0.5),
            Callbacks = { stopper },
        });

        Assert.Equal(StopReason.Requested, result.StopReason);
        Assert.Equal(6, result.History.Count);
        Assert.Equal(3, stopper.BestValue);
        Assert.Equal(2, stopper.BestEpoch);
        Assert.Equal("EarlyStopping: val_error did not improve by more than 0 for 3 epochs; the best was 3 at epoch 3.", result.Message);
    }

    [Fact]
    public void Fit_CountsOnlyImprovementsLargerThanMinDelta()
    {
        var stopper = new EarlyStopping("val_error", patience: 2, minDelta: 0.1);
        FitResult result = TrainingRig.Fit(new ScalarModel(), new LineData(2), new TrainOptions
        {
            Epochs = 20,
            Validate = TrainingRig.Validation("val_error", 1, 0.95, 0.85, 0.84, 0.8, 0.7),
            Callbacks = { stopper },
        });

        Assert.Equal(5, result.History.Count);
        Assert.Equal(0.85, stopper.BestValue);
        Assert.Equal(2, stopper.BestEpoch);
    }

    [Fact]
    public void Fit_MaximizeMode_TracksTheLargestValue()
    {
        var stopper = new EarlyStopping("accuracy", patience: 2, mode: MonitorMode.Maximize);
        FitResult result = TrainingRig.Fit(new ScalarModel(), new LineData(2), new TrainOptions
        {
            Epochs = 20,
            Validate = TrainingRig.Validation("accuracy", 0.5, 0.7, 0.6, 0.65, 0.9),
            Callbacks = { stopper },
        });

        Assert.Equal(4, result.History.Count);
        Assert.Equal(0.7, stopper.BestValue);
        Assert.Contains("the best was 0.7 at epoch 2", result.Message);
    }

    [Fact]
    public void Fit_MonitorsTheEpochMeanLossByDefault()
    {
        var model = new ScalarModel();
        double[] epochLosses = [3, 2, 2.5, 2.4, 1];
        var stopper = new EarlyStopping(patience: 2);
        FitResult result = TrainingRig.Fit(model, new LineData(2), new TrainOptions { Epochs = 10, Callbacks = { stopper } },
            TrainingRig.Scripted(model, k => epochLosses[k / 2]));

        Assert.Equal(4, result.History.Count);
        Assert.Equal(2, stopper.BestValue);
        Assert.Equal(1, stopper.BestEpoch);
    }

    [Fact]
    public void RestoreBest_PutsBackTheParametersOfTheBestEpoch()
    {
        var model = new ScalarModel();
        var weightAtEpochEnd = new List<double>();
        var probe = new Probe { Epoch = (_, _) => weightAtEpochEnd.Add(model.Weight) };
        FitResult result = TrainingRig.Fit(model, new LineData(3), new TrainOptions
        {
            Epochs = 10,
            Validate = TrainingRig.Validation("val_error", 0.9, 0.4, 0.6, 0.7),
            Callbacks = { new EarlyStopping("val_error", patience: 2, restoreBest: true), probe },
        }, learningRate: 0.05);

        Assert.Equal(4, result.History.Count);
        Assert.NotEqual(weightAtEpochEnd[1], weightAtEpochEnd[3]);
        Assert.Equal(weightAtEpochEnd[1], model.Weight);
        Assert.True(model.W.Value.RequiresGrad);
    }

    [Fact]
    public void WithoutRestoreBest_TheLastParametersStay()
    {
        var model = new ScalarModel();
        var weightAtEpochEnd = new List<double>();
        var probe = new Probe { Epoch = (_, _) => weightAtEpochEnd.Add(model.Weight) };
        TrainingRig.Fit(model, new LineData(3), new TrainOptions
        {
            Epochs = 10,
            Validate = TrainingRig.Validation("val_error", 0.9, 0.4, 0.6, 0.7),
            Callbacks = { new EarlyStopping("val_error", patience: 2), probe },
        }, learningRate: 0.05);

        Assert.Equal(weightAtEpochEnd[^1], model.Weight);
    }

    [Fact]
    public void Fit_ThrowsAtTheFirstEpochForAnUnknownMetric_ListingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingRig.Fit(new ScalarModel(), new LineData(2), new TrainOptions
        {
            Epochs = 5,
            Validate = TrainingRig.Validation("val_error", 1, 2),
            Callbacks = { new EarlyStopping("val_accuracy") },
        }));

        Assert.Equal("monitor", e.ParamName);
        Assert.Contains("\"val_accuracy\" is not reported at the end of epoch 1", e.Message);
        Assert.Contains("one of: learning_rate, val_error", e.Message);
    }

    [Fact]
    public void Constructor_NamesTheBadValue()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(patience: 0)).Message);
        Assert.Contains("got -0.1", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(minDelta: -0.1)).Message);
        Assert.Throws<ArgumentException>(() => new EarlyStopping(monitor: " "));
    }

    [Fact]
    public void SetState_ContinuesTheBestValuePatienceAndBestParametersOfGetState()
    {
        var model = new ScalarModel();
        var weightAtEpochEnd = new List<double>();
        var first = new EarlyStopping("val_error", patience: 3, restoreBest: true);
        TrainingRig.Fit(model, new LineData(2), new TrainOptions
        {
            Epochs = 4,
            Validate = TrainingRig.Validation("val_error", 5, 4, 3, 3.5),
            Callbacks = { first, new Probe { Epoch = (_, _) => weightAtEpochEnd.Add(model.Weight) } },
        }, learningRate: 0.05);
        OptimizerState state = first.GetState();

        var second = new EarlyStopping("val_error", patience: 3, restoreBest: true);
        second.SetState(state);

        Assert.Equal((3.0, 2), (second.BestValue, second.BestEpoch));
        Assert.Equal(1, state.Scalars["epochs_without_improvement"]);
        Assert.Equal(weightAtEpochEnd[2], state.Tensors["best/w"].Item());
        var resumed = new ScalarModel(w0: -7);
        TrainingRun run = TrainingRig.Run(resumed, new LineData(2), new TrainOptions());
        EpochRecord NoBetter(int epoch) => new(epoch, 2L * (epoch + 1), 1, new Dictionary<string, double> { ["val_error"] = 3.2 }, TimeSpan.Zero, new Dictionary<string, double>());
        second.OnEpochEnd(run, NoBetter(4));
        Assert.Null(run.StopRequest);
        second.OnEpochEnd(run, NoBetter(5));
        Assert.Equal("EarlyStopping: val_error did not improve by more than 0 for 3 epochs; the best was 3 at epoch 3.", run.StopRequest);
        second.OnTrainEnd(run, new FitResult(StopReason.Requested, "", 12, 6, 1, [], TimeSpan.Zero));
        Assert.Equal(weightAtEpochEnd[2], resumed.Weight);
    }

    [Fact]
    public void SetState_ThrowsForTheStateOfAnotherCallback()
    {
        var e = Assert.Throws<ArgumentException>(() => new EarlyStopping().SetState(new OptimizerState("LearningCurve")));
        Assert.Contains("belongs to LearningCurve", e.Message);
    }
}
