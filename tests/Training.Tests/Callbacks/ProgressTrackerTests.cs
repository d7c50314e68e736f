using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Callbacks;

public class ProgressTrackerTests
{
    private static ProgressTracker Started(double smoothing)
    {
        var model = new ScalarModel();
        var data = new LineData(10);
        var tracker = new ProgressTracker(smoothing);
        tracker.Reset(TrainingRig.Run(model, data, new TrainOptions { Epochs = 2 }));
        return tracker;
    }

    private static StepRecord Record(long step, double loss, double seconds) =>
        new(step, 0, (int)step, loss, 4, TimeSpan.FromSeconds(seconds), new Dictionary<string, double> { ["learning_rate"] = 0.01 });

    [Fact]
    public void SmoothedLoss_IsTheBiasCorrectedMovingAverage()
    {
        ProgressTracker tracker = Started(0.5);
        Assert.True(double.IsNaN(tracker.SmoothedLoss));
        tracker.Observe(Record(0, 4, 1));
        Assert.Equal(4, tracker.SmoothedLoss, 12);
        tracker.Observe(Record(1, 2, 2));
        Assert.Equal((0.5 * 2 + 0.5 * 2) / (1 - 0.25), tracker.SmoothedLoss, 12);
        tracker.Observe(Record(2, double.NaN, 3));
        Assert.Equal(2.0 / 0.75, tracker.SmoothedLoss, 12);
    }

    [Fact]
    public void Remaining_AndThroughput_FollowTheStepsSoFar()
    {
        ProgressTracker tracker = Started(0.9);
        Assert.Null(tracker.Remaining(TimeSpan.FromSeconds(1)));
        for (int s = 0; s < 5; s++) tracker.Observe(Record(s, 1, (s + 1) * 2));
        Assert.Equal(TimeSpan.FromSeconds(30), tracker.Remaining(TimeSpan.FromSeconds(10)));
        Assert.Equal(2.0, tracker.SamplesPerSecond, 12);
        Assert.Equal("epoch 1/2  step 5/20  loss 1  smooth 1  2 samples/s  elapsed 0:10  eta 0:30  lr 0.01", tracker.StepLine());
    }
}
