using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests;

/// <summary>A resume refuses parameters of other shapes, except for a scheme that changes them itself.</summary>
public sealed partial class ResumeTests
{
    private static Sequential Mlp(int hidden, Generator generator) =>
        new(new Linear(3, hidden, generator, dtype: DType.Float64), new Tanh(), new Linear(hidden, 1, generator, dtype: DType.Float64));

    [Fact]
    public void Resume_ThrowsNamingAParameterWhoseShapeDiffersFromTheCheckpoints()
    {
        var generator = new Generator(3);
        Tensor x = TN.Randn(generator, DType.Float64, 8, 3), y = TN.Randn(generator, DType.Float64, 8, 1);
        var data = new FullBatch(new Batch(x, y));
        Sequential small = Mlp(4, generator);
        Trainer.Fit(small, data, b => TN.MseLoss(small.Forward(b.Inputs), b.Targets!), new GradientScheme(new Sgd(small.Parameters(), 0.1)),
            new TrainOptions { Epochs = 1, Callbacks = { new CheckpointCallback(_directory) } });

        Sequential wide = Mlp(16, generator);
        Tensor before = wide.NamedParameters()[0].Value.Value;
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(wide, data, b => TN.MseLoss(wide.Forward(b.Inputs), b.Targets!),
            new GradientScheme(new Sgd(wide.Parameters(), 0.1)),
            new TrainOptions { Epochs = 2, ResumeFrom = Path.Combine(_directory, CheckpointCallback.LastFileName) }));

        Assert.Contains("the checkpoint's \"0.weight\" is [4, 3] but the model's is [16, 3]", e.Message);
        Assert.Same(before, wide.NamedParameters()[0].Value.Value);
    }

    /// <summary>One vector parameter whose length the loss (Σp − 1)² does not care about.</summary>
    private sealed class Vector : Module
    {
        public Vector(int length) => P = RegisterParameter("p", TN.Zeros(DType.Float64, length));

        public Parameter P { get; }

        public Tensor Loss() => (P.Value.Sum() - 1).Square();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resume_UnderAnAlternatingScheme_TakesOtherShapesOnlyWhenItsBlocksChangeShapes(bool blocksChangeShapes)
    {
        var data = new FullBatch(new Batch(TN.Zeros(DType.Float64, 1)));
        FitResult Fit(Vector model, TrainOptions options) => Trainer.Fit(model, data, _ => model.Loss(),
            new AlternatingScheme(Block.ClosedForm("p", [model.P], _ => model.P.Value.AddInPlace(TN.Ones(DType.Float64, model.P.Value.Shape[0]), 0.1))) { BlocksChangeShapes = blocksChangeShapes },
            options);
        Fit(new Vector(4), new TrainOptions { Epochs = 1, Callbacks = { new CheckpointCallback(_directory) } });

        var longer = new Vector(16);
        var resume = new TrainOptions { Epochs = 2, ResumeFrom = Path.Combine(_directory, CheckpointCallback.LastFileName) };
        if (!blocksChangeShapes)
        {
            var e = Assert.Throws<ArgumentException>(() => Fit(longer, resume));
            Assert.Contains("the checkpoint's \"p\" is [4] but the model's is [16]", e.Message);
            return;
        }
        Assert.Equal(StopReason.Completed, Fit(longer, resume).StopReason);
        Assert.All(longer.P.Value.ToArray<double>(), v => Assert.Equal(0.2, v, 12));
        Assert.Equal(4, longer.P.Value.Shape[0]);
    }

    [Fact]
    public void Resume_OfATwoSiteSweep_TakesTheCheckpointsBondDimensions()
    {
        const int sites = 4;
        var gen = new Generator(8);
        Tensor x = TN.Rand(gen, DType.Float64, 30, sites, 2);
        Tensor y;
        using (TN.NoGrad()) y = Predict(NetworkBuilder.TensorTrain(gen, [2, 2, 2, 2], bondDim: 2), x);
        var data = new FullBatch(new Batch(x, y));
        (NetworkModule Model, TwoSiteSweep Sweep) NewSweep() => (
            new NetworkModule(NetworkBuilder.TensorTrain(new Generator(9), [2, 2, 2, 2], bondDim: 1)),
            new TwoSiteSweep(maxBondDim: 3, innerOptimizer: merged => new Adam([merged], learningRate: 0.05), innerSteps: 3, granularity: SweepStep.Bond));
        FitResult Fit((NetworkModule Model, TwoSiteSweep Sweep) run, TrainOptions options) =>
            Trainer.Fit(run.Model, data, b => TN.MseLoss(Predict(run.Model.Network, b.Inputs), b.Targets!), run.Sweep, options);

        var straight = NewSweep();
        Fit(straight, new TrainOptions { Epochs = 6 });
        var first = NewSweep();
        Fit(first, new TrainOptions { Epochs = 6, MaxSteps = 3, Callbacks = { new CheckpointCallback(_directory) } });
        Assert.NotEqual([1, 1, 1], first.Sweep.BondDims(first.Model));

        var resumed = NewSweep();
        Fit(resumed, new TrainOptions { Epochs = 6, ResumeFrom = Path.Combine(_directory, CheckpointCallback.LastFileName) });

        Assert.Equal(straight.Sweep.BondDims(straight.Model), resumed.Sweep.BondDims(resumed.Model));
        Assert.Equal(Bits(straight.Model), Bits(resumed.Model));
    }

    /// <summary>The chain contracted with each sample's feature vectors x[n, k, :] at site k.</summary>
    private static Tensor Predict(TensorNetwork chain, Tensor x)
    {
        TensorNetwork net = chain.Copy();
        for (int k = 0; k < x.Shape[1]; k++) net.Add($"x{k}", x.Select(1, k), "batch", $"p{k}");
        return net.Contract("batch");
    }
}
