using TensorNetworks.Nn;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Schemes;

public class TwoSiteSweepTests
{
    private const int Sites = 6;

    /// <summary>Per-site features φ(θ) = [cos θ, sin θ] for n samples: [n, Sites, 2].</summary>
    private static Tensor Features(Generator gen, int n)
    {
        var values = new double[n * Sites * 2];
        for (int i = 0; i < n * Sites; i++)
        {
            double theta = gen.NextDouble() * Math.PI / 2;
            values[2 * i] = Math.Cos(theta);
            values[2 * i + 1] = Math.Sin(theta);
        }
        return TN.Tensor(values, n, Sites, 2);
    }

    /// <summary>y_n = the TT contracted with the feature vectors of sample n: Σ A0[p0,b] A1[b,p1,c] ... φ_0[p0] φ_1[p1] ...</summary>
    private static Tensor Predict(TensorNetwork tt, Tensor x)
    {
        TensorNetwork net = tt.Copy();
        for (int k = 0; k < Sites; k++) net.Add($"x{k}", x.Select(1, k), "batch", $"p{k}");
        return net.Contract("batch");
    }

    [Fact]
    public void Sweep_RecoversAPlantedTensorTrainAndGrowsItsBonds()
    {
        var gen = new Generator(5);
        TensorNetwork planted = NetworkBuilder.TensorTrain(gen, Enumerable.Repeat(2, Sites).ToArray(), bondDim: 3);
        Tensor x = Features(gen, 400);
        Tensor y;
        using (TN.NoGrad()) y = Predict(planted, x);
        var model = new NetworkModule(NetworkBuilder.TensorTrain(gen, Enumerable.Repeat(2, Sites).ToArray(), bondDim: 1));
        var sweep = new TwoSiteSweep(maxBondDim: 6, cutoff: 1e-6, innerSteps: 1,
            innerOptimizer: merged => new Lbfgs([merged], maxIterations: 60, historySize: 20, gradientTolerance: 1e-14, changeTolerance: 1e-16));
        var recorder = new LossRecorder();
        double scale = y.Pow(2).Mean().Item();

        Trainer.Fit(model, new FullBatch(new Batch(x, y)), b => TN.MseLoss(Predict(model.Network, b.Inputs), b.Targets!) / scale, sweep,
            new TrainOptions { Epochs = 6, Callbacks = { recorder } });

        Assert.True(recorder.Losses[^1] < 1e-8, $"relative loss per sweep: {string.Join(", ", recorder.Losses.Select(l => l.ToString("E2")))}");
        Assert.True(sweep.BondDims(model).SequenceEqual([2, 3, 3, 3, 2]), $"bonds {string.Join(",", sweep.BondDims(model))} losses {string.Join(", ", recorder.Losses.Select(l => l.ToString("E2")))}");
    }

    [Fact]
    public void Sweep_KeepsEachCoresLegOrder()
    {
        // quimb's 'lrp' layout: bonds first, the physical leg last, where Split alone would put the new bond last
        // on the left core and first on the right one.
        var gen = new Generator(7);
        TensorNetwork builder = NetworkBuilder.TensorTrain(gen, Enumerable.Repeat(2, Sites).ToArray(), bondDim: 2);
        var lrp = new TensorNetwork();
        foreach (Core core in builder.Cores)
        {
            string[] legs = [.. core.Legs.Where(l => l.StartsWith('b')), .. core.Legs.Where(l => l.StartsWith('p'))];
            lrp.Add(core.Name, core.Tensor.Permute([.. legs.Select(l => core.Legs.ToList().IndexOf(l))]), legs);
        }
        string[][] layout = [.. lrp.Cores.Select(c => c.Legs.ToArray())];
        Tensor x = Features(gen, 50);
        Tensor y = x.Select(1, 0).Select(1, 0) * x.Select(1, 5).Select(1, 1);
        var model = new NetworkModule(lrp);
        var sweep = new TwoSiteSweep(maxBondDim: 3, innerOptimizer: m => new Adam([m], learningRate: 1e-2));

        Trainer.Fit(model, new FullBatch(new Batch(x, y)), b => TN.MseLoss(Predict(model.Network, b.Inputs), b.Targets!), sweep,
            new TrainOptions { Epochs = 2 });

        Assert.Equal(layout, model.Network.Cores.Select(c => c.Legs.ToArray()));
        Assert.Equal(layout.Select(legs => legs.Length), model.Parameters().Select(p => p.Value.Order));
    }

    [Fact]
    public void BondGranularity_OnTwoCores_TurnsAtEveryUpdate()
    {
        var gen = new Generator(9);
        var chain = NetworkBuilder.TensorTrain(gen, [2, 2], bondDim: 2);
        var model = new NetworkModule(chain);
        Tensor target = TN.Randn(gen, DType.Float64, 2, 2);
        var sweep = new TwoSiteSweep(maxBondDim: 2, innerOptimizer: m => new Adam([m], learningRate: 1e-2), granularity: SweepStep.Bond);
        var data = new FullBatch(new Batch(TN.Zeros(DType.Float64, 1)));
        var directions = new List<double>();
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            Trainer.Fit(model, data, _ => (model.Network.Contract("p0", "p1") - target).Square().Sum(), sweep, new TrainOptions { Epochs = 1 });
            directions.Add(sweep.GetState()!.Scalars["direction"]);
        }
        Assert.Equal([-1.0, 1.0, -1.0], directions);
    }

    [Fact]
    public void BondGranularity_UpdatesOneBondPerStepAndCarriesThePosition()
    {
        var gen = new Generator(6);
        Tensor x = Features(gen, 50);
        Tensor y = x.Select(1, 0).Select(1, 0) * x.Select(1, 5).Select(1, 1);
        var model = new NetworkModule(NetworkBuilder.TensorTrain(gen, Enumerable.Repeat(2, Sites).ToArray(), bondDim: 2));
        var sweep = new TwoSiteSweep(maxBondDim: 2, innerOptimizer: m => new Adam([m], learningRate: 1e-2), granularity: SweepStep.Bond);
        Trainer.Fit(model, new FullBatch(new Batch(x, y)), b => TN.MseLoss(Predict(model.Network, b.Inputs), b.Targets!), sweep,
            new TrainOptions { Epochs = 7 });
        OptimizerState state = sweep.GetState()!;
        Assert.Equal(2, state.Scalars["bond"]); // updates at bonds 0, 1, 2, 3, 4, 4, 3
        Assert.Equal(-1, state.Scalars["direction"]);
        Assert.Equal(["A0", "A1", "A2", "A3", "A4", "A5"], model.Network.Cores.Select(c => c.Name));
    }
}
