using TensorNetworks.Nn;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Schemes;

public class GradientSchemeTests
{
    private sealed class Vector : Module
    {
        public Vector() => W = RegisterParameter("w", TN.Tensor(new double[] { 3, 4 }, 2));
        public Parameter W { get; }
    }

    [Fact]
    public void ClipNorm_BoundsTheGradientAndReportsItsNorm()
    {
        var model = new Vector();
        var scheme = new GradientScheme(new Sgd(model.Parameters(), learningRate: 1.0), clipNorm: 1.0);
        var recorder = new LossRecorder();
        Trainer.Fit(model, new FullBatch(new Batch(TN.Zeros(1))), _ => model.W.Value.Pow(2).Sum() / 2.0, scheme,
            new TrainOptions { Epochs = 1, Callbacks = { recorder } });
        // ∇ = w = (3, 4), norm 5, clipped to (0.6, 0.8): w ← (2.4, 3.2)
        Assert.Equal(5.0, scheme.Metrics["grad_norm"], 12);
        Assert.Equal([2.4, 3.2], model.W.Value.ToArray<double>().Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Constructor_RefusesClippingWithLbfgs()
    {
        var model = new Vector();
        var e = Assert.Throws<ArgumentException>(() => new GradientScheme(new Lbfgs(model.Parameters()), clipNorm: 1.0));
        Assert.Contains("Lbfgs", e.Message);
    }

    [Fact]
    public void CosineSchedule_RunsPastItsEndAtRateZero()
    {
        var model = new Vector();
        var scheme = new GradientScheme(new Sgd(model.Parameters(), learningRate: 0.1), new CosineSchedule(totalSteps: 3));
        Trainer.Fit(model, new FullBatch(new Batch(TN.Zeros(1))), _ => model.W.Value.Pow(2).Sum(), scheme, new TrainOptions { Epochs = 6 });
        Assert.Equal(0.0, scheme.Metrics["learning_rate"]);
    }
}
