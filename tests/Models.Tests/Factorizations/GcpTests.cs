using TensorNetworks.Models.Decompositions;
using TensorNetworks.Models.Factorizations;

namespace TensorNetworks.Models.Tests.Factorizations;

public sealed class GcpTests
{
    private static CpTensor Planted(Generator g, int rank, Func<Generator, int, int, Tensor> draw, params int[] shape)
        => new([.. shape.Select(d => draw(g, d, rank))]);

    private static double RelativeError(Tensor expected, Tensor actual) => (expected - actual).Norm().Item() / expected.Norm().Item();

    /// <summary>Poisson draws by Knuth's product of uniforms (fine for rates up to a few tens).</summary>
    private static Tensor PoissonCounts(Generator g, Tensor rates)
    {
        double[] counts = [.. rates.ToArray<double>().Select(rate =>
        {
            double limit = Math.Exp(-rate), product = g.NextDouble();
            int k = 0;
            for (; product > limit; k++) product *= g.NextDouble();
            return (double)k;
        })];
        return TN.Tensor(counts, rates.Shape.ToArray());
    }

    [Fact]
    public void Fit_GaussianRecoversAPlantedRankThreeTensor()
    {
        Tensor x = Planted(new Generator(31), 3, (g, d, r) => TN.Randn(g, DType.Float64, d, r), 12, 10, 8).ToDense();
        GcpResult result = Gcp.Fit(x, 3, GcpLoss.Gaussian, new GcpOptions { Seed = 2, MaxEpochs = 100 });
        double error = RelativeError(x, result.Decomposition.ToDense());
        Assert.True(error < 1e-6, $"relative error {error:G3} after {result.Run.Steps} steps ({result.Run.Message})");
        Assert.True(result.Loss < 1e-10 * result.InitialLoss, $"loss {result.InitialLoss:G3} -> {result.Loss:G3}");
    }

    [Fact]
    public void Fit_GammaKeepsFactorsPositiveAndRecoversAPlantedPositiveTensor()
    {
        Tensor x = Planted(new Generator(32), 2, (g, d, r) => TN.Rand(g, DType.Float64, d, r) + 0.2, 8, 7, 6).ToDense();
        GcpResult result = Gcp.Fit(x, 2, GcpLoss.Gamma, new GcpOptions { Seed = 3, MaxEpochs = 100 });
        Assert.All(result.Decomposition.Factors, a => Assert.True(a.ToArray<double>().Min() > 0, "a factor entry left m ≥ 0"));
        double error = RelativeError(x, result.Decomposition.ToDense());
        Assert.True(error < 1e-4, $"relative error {error:G3} ({result.Run.Message})");
    }

    [Fact]
    public void Fit_PoissonLogRecoversPlantedRatesBetterThanGaussian()
    {
        var g = new Generator(33);
        Tensor logRates = Planted(g, 2, (gen, d, r) => TN.Rand(gen, DType.Float64, d, r) * 1.4, 15, 12, 10).ToDense();
        Tensor rates = logRates.Exp();
        Tensor counts = PoissonCounts(g, rates);
        var options = new GcpOptions { Seed = 4, MaxEpochs = 60 };
        GcpResult poisson = Gcp.Fit(counts, 2, GcpLoss.PoissonLog, options);
        GcpResult gaussian = Gcp.Fit(counts, 2, GcpLoss.Gaussian, options);
        double poissonError = RelativeError(rates, GcpLoss.PoissonLog.Mean(poisson.Decomposition.ToDense()));
        double gaussianError = RelativeError(rates, GcpLoss.Gaussian.Mean(gaussian.Decomposition.ToDense()));
        double countError = RelativeError(rates, counts);
        Assert.True(poissonError < 0.8 * gaussianError, $"error to the true rates: Poisson (log link) {poissonError:G3}, Gaussian {gaussianError:G3}");
        Assert.True(poissonError < 0.5 * countError, $"Poisson error {poissonError:G3} vs the raw counts' {countError:G3}");
    }

    [Fact]
    public void Fit_BernoulliLogitPredictsPlantedClassesWellAboveChance()
    {
        var g = new Generator(34);
        Tensor logits = Planted(g, 2, (gen, d, r) => TN.Randn(gen, DType.Float64, d, r) * 1.3, 14, 12, 10).ToDense();
        double[] p = logits.Sigmoid().ToArray<double>();
        Tensor x = TN.Tensor([.. p.Select(v => g.NextDouble() < v ? 1.0 : 0.0)], logits.Shape.ToArray());
        GcpResult result = Gcp.Fit(x, 2, GcpLoss.BernoulliLogit, new GcpOptions { Seed = 5, MaxEpochs = 30 });
        double[] fitted = result.Decomposition.ToDense().ToArray<double>(), truth = logits.ToArray<double>();
        double accuracy = fitted.Zip(truth, (f, t) => f > 0 == t > 0 ? 1.0 : 0.0).Average();
        double dataAccuracy = x.ToArray<double>().Zip(truth, (v, t) => v > 0.5 == t > 0 ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.85, $"accuracy of the fitted classes against the planted ones: {accuracy:P1}");
        Assert.True(accuracy > dataAccuracy + 0.05, $"the fit ({accuracy:P1}) should denoise the observed bits ({dataAccuracy:P1})");
    }

    [Fact]
    public void Fit_MaskedGaussianRecoversTheMissingHalf()
    {
        var g = new Generator(35);
        Tensor x = Planted(g, 3, (gen, d, r) => TN.Randn(gen, DType.Float64, d, r), 15, 14, 13).ToDense();
        Tensor mask = GcpFixtures.Mask(g, 0.5, 15, 14, 13);
        Tensor hidden = TN.Where(mask, x, TN.Scalar(double.NaN, DType.Float64));
        // Masked CP has spurious local minima: from starting seeds 6, 8 and 9 this fit reaches the planted
        // tensor, from seed 7 it stalls at an observed-entry error near 0.25.
        GcpResult result = Gcp.Fit(hidden, 3, GcpLoss.Gaussian, new GcpOptions { Seed = 8, MaxEpochs = 100, Weights = mask });
        Tensor missing = 1.0 - mask;
        double error = ((result.Decomposition.ToDense() - x) * missing).Norm().Item() / (x * missing).Norm().Item();
        Assert.True(error < 1e-4, $"relative error on the missing entries {error:G3} ({result.Run.Message})");
    }

    [Fact]
    public void Fit_SampledAdamReducesTheFullLossByNinetyPercent()
    {
        Tensor x = Planted(new Generator(36), 2, (g, d, r) => TN.Randn(g, DType.Float64, d, r), 30, 30, 30).ToDense();
        var sampling = new GcpSamplingOptions { SamplesPerBatch = 500, BatchesPerEpoch = 50 };
        GcpResult result = Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Seed = 7, MaxEpochs = 10, Sampling = sampling, LearningRate = 0.05 });
        Assert.True(result.Loss < 0.1 * result.InitialLoss, $"full loss {result.InitialLoss:G4} -> {result.Loss:G4}");
        Assert.Equal(500, result.Run.Steps);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_SameSeedGivesIdenticalFactors(bool sampled)
    {
        Tensor x = TN.Randn(new Generator(37), DType.Float64, 6, 5, 4);
        GcpOptions Options(ulong seed) => new() { Seed = seed, MaxEpochs = 3, Sampling = sampled ? new GcpSamplingOptions { SamplesPerBatch = 20, BatchesPerEpoch = 5 } : null };
        double[] Factors(GcpResult r) => [.. r.Decomposition.Factors.SelectMany(a => a.ToArray<double>())];
        GcpResult first = Gcp.Fit(x, 2, GcpLoss.Huber(0.5), Options(1)), second = Gcp.Fit(x, 2, GcpLoss.Huber(0.5), Options(1));
        Assert.Equal(Factors(first), Factors(second));
        Assert.NotEqual(Factors(first), Factors(Gcp.Fit(x, 2, GcpLoss.Huber(0.5), Options(2))));
    }

    [Theory]
    [MemberData(nameof(GcpFixtures.LossNames), MemberType = typeof(GcpFixtures))]
    public void Fit_RepeatsItselfBitForBitForEveryLoss(string name)
    {
        GcpLoss loss = GcpFixtures.Loss(name);
        Tensor x = GcpFixtures.Data(loss, new Generator(39), 10, 9, 8);
        double[] Factors() => [.. Gcp.Fit(x, 2, loss, new GcpOptions { Seed = 1, MaxEpochs = 64 }).Decomposition.Factors.SelectMany(a => a.ToArray<double>())];
        Assert.Equal(Factors(), Factors());
    }

    [Fact]
    public void Fit_RejectsWeightsThatObserveNothing()
    {
        Tensor x = TN.Randn(new Generator(40), DType.Float64, 5, 4, 3);
        var e = Assert.Throws<ArgumentException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Weights = TN.Zeros(DType.Float64, 5, 4, 3) }));
        Assert.Contains("every weight is 0", e.Message);
        Assert.Contains("[5, 4, 3]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForBadArguments()
    {
        Tensor x = TN.Randn(new Generator(38), DType.Float64, 4, 3, 2);
        var rank = Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 0, GcpLoss.Gaussian));
        Assert.Contains("rank", rank.Message);
        var epochs = Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { MaxEpochs = 0 }));
        Assert.Contains("MaxEpochs", epochs.Message);
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { LearningRate = -0.1 }));
        Assert.Contains("-0.1", rate.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { LbfgsIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { GradientTolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Optimizer = (GcpOptimizer)9 }));
        var lbfgs = Assert.Throws<ArgumentException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Optimizer = GcpOptimizer.Lbfgs, Sampling = new GcpSamplingOptions() }));
        Assert.Contains("Sampling", lbfgs.Message);
        var mask = Assert.Throws<ArgumentException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Weights = TN.Ones(DType.Float64, 4, 3) }));
        Assert.Contains("[4, 3, 2]", mask.Message);
        Assert.Contains("[4, 3]", mask.Message);
        var domain = Assert.Throws<ArgumentException>(() => Gcp.Fit(x, 2, GcpLoss.PoissonLog));
        Assert.Contains("PoissonLog", domain.Message);
        Assert.Contains("[0, 0, 0]", domain.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gcp.Fit(x, 2, GcpLoss.Gaussian, new GcpOptions { Sampling = new GcpSamplingOptions { SamplesPerBatch = 0 } }));
    }
}
