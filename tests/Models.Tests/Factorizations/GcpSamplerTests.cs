using TensorNetworks.Models.Factorizations;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Models.Tests.Factorizations;

public sealed class GcpSamplerTests
{
    private static readonly int[] Shape = [6, 5, 4];

    /// <summary>Sparse counts (about 70% zeros) under a mask hiding about a quarter of the entries.</summary>
    private static GcpProblem SparseCounts(ulong seed)
    {
        var g = new Generator(seed);
        double[] u = TN.Rand(g, DType.Float64, Shape).ToArray<double>();
        Tensor counts = TN.Tensor([.. u.Select(v => v < 0.7 ? 0 : Math.Floor((v - 0.7) * 20) + 1)], Shape);
        return new GcpProblem(counts, GcpLoss.PoissonLog, GcpFixtures.Mask(g, 0.75, Shape));
    }

    private static GcpSampler Sampler(GcpProblem problem, GcpSampling kind, int samples, int batches, ulong seed = 1)
        => new(problem, new GcpSamplingOptions { Kind = kind, SamplesPerBatch = samples, BatchesPerEpoch = batches }, seed);

    [Theory]
    [InlineData(GcpSampling.Uniform)]
    [InlineData(GcpSampling.Stratified)]
    public void EvaluateSampled_IsAnUnbiasedEstimateOfTheFullLoss(GcpSampling kind)
    {
        GcpProblem problem = SparseCounts(21);
        Tensor[] a = GcpFixtures.Factors(GcpLoss.PoissonLog, new Generator(22), 2, Shape);
        double full = problem.Evaluate(a).Item();
        double[] estimates = [.. Sampler(problem, kind, 16, 4000).Batches(0).Select(b => problem.EvaluateSampled(a, b).Item())];
        double mean = estimates.Average();
        double standardError = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1) / estimates.Length);
        Assert.True(Math.Abs(mean - full) < 4 * standardError, $"mean of sampled estimates {mean:G6} vs full loss {full:G6} (standard error {standardError:G3})");
        Assert.True(standardError < 0.05 * Math.Abs(full), $"the test is too weak to see a bias: standard error {standardError:G3}, loss {full:G6}");
    }

    [Theory]
    [InlineData(GcpSampling.Uniform)]
    [InlineData(GcpSampling.Stratified)]
    public void EvaluateSampled_HasAnUnbiasedGradient(GcpSampling kind)
    {
        GcpProblem problem = SparseCounts(23);
        Tensor[] a = [.. GcpFixtures.Factors(GcpLoss.PoissonLog, new Generator(24), 2, Shape).Select(t => t.RequiringGrad())];
        double[] full = [.. problem.Gradient(a).SelectMany(t => t.ToArray<double>())];
        var sum = new double[full.Length];
        var sumOfSquares = new double[full.Length];
        double fullNorm = Math.Sqrt(full.Sum(v => v * v));
        var projections = new List<double>();
        int n = 0;
        foreach (Batch b in Sampler(problem, kind, 128, 4000).Batches(0))
        {
            double[] sample = [.. Gradients.Of(problem.EvaluateSampled(a, b), a).SelectMany(t => t.ToArray<double>())];
            for (int j = 0; j < sample.Length; j++)
            {
                sum[j] += sample[j];
                sumOfSquares[j] += sample[j] * sample[j];
            }
            projections.Add(sample.Zip(full, (p, q) => p * q).Sum() / fullNorm);
            n++;
        }
        // Each coordinate of the mean of n independent sampled gradients is within a few standard errors of
        // the full gradient when unbiased; 4.5 bounds the worst of the coordinates with room for heavy tails.
        double worst = 0, noise = 0;
        for (int j = 0; j < full.Length; j++)
        {
            double mean = sum[j] / n, variance = sumOfSquares[j] / n - mean * mean;
            noise += variance / n;
            worst = Math.Max(worst, Math.Abs(mean - full[j]) / Math.Sqrt(variance / n));
        }
        Assert.True(worst < 4.5, $"a coordinate of the mean sampled gradient is {worst:G3} standard errors from the full gradient");
        // A bias along ∇F (a wrong sample weight scales it) shows most sharply in the projection on ∇F.
        double projected = projections.Average();
        double projectedError = Math.Sqrt(projections.Sum(p => (p - projected) * (p - projected)) / (n - 1) / n);
        Assert.True(Math.Abs(projected - fullNorm) < 4 * projectedError, $"mean projection of the sampled gradients on ∇F is {projected:G6}, ‖∇F‖ = {fullNorm:G6} (standard error {projectedError:G3})");
        Assert.True(noise < 1e-4 * full.Sum(v => v * v), $"the test is too weak to see a bias: noise {noise:G3} vs ‖∇F‖² {full.Sum(v => v * v):G3}");
    }

    [Fact]
    public void Batches_DrawOnlyObservedEntriesWithTheirValues()
    {
        GcpProblem problem = SparseCounts(25);
        double[] x = problem.Data.ToArray<double>(), w = problem.Weights!.ToArray<double>();
        foreach (Batch b in Sampler(problem, GcpSampling.Uniform, 50, 10).Batches(0))
        {
            double[] idx = b.Inputs.ToArray<double>(), t = b.Targets!.ToArray<double>();
            for (int s = 0; s < b.Count; s++)
            {
                int flat = (int)((idx[3 * s] * Shape[1] + idx[3 * s + 1]) * Shape[2] + idx[3 * s + 2]);
                Assert.Equal(1.0, w[flat]);
                Assert.Equal(x[flat], t[2 * s]);
                Assert.Equal(problem.ObservedCount / 50.0, t[2 * s + 1], 12);
            }
        }
    }

    [Fact]
    public void Batches_StratifiedHalfNonzerosWeightedByStratumSize()
    {
        GcpProblem problem = SparseCounts(26);
        double[] x = problem.Data.ToArray<double>(), w = problem.Weights!.ToArray<double>();
        int nonzeros = Enumerable.Range(0, x.Length).Count(i => w[i] != 0 && x[i] != 0);
        long zeros = problem.ObservedCount - nonzeros;
        Batch b = Sampler(problem, GcpSampling.Stratified, 11, 1).Batches(0).Single();
        double[] t = b.Targets!.ToArray<double>();
        for (int s = 0; s < 11; s++)
        {
            bool first = s < 6;
            Assert.Equal(first, t[2 * s] != 0);
            Assert.Equal(first ? nonzeros / 6.0 : zeros / 5.0, t[2 * s + 1], 12);
        }
    }

    [Fact]
    public void Batches_AreAFunctionOfSeedAndEpoch()
    {
        GcpProblem problem = SparseCounts(27);
        double[] Flat(GcpSampler s, int epoch, int skip = 0) => [.. s.Batches(epoch, skip).SelectMany(b => b.Inputs.ToArray<double>())];
        GcpSampler one = Sampler(problem, GcpSampling.Uniform, 8, 3, seed: 5), same = Sampler(problem, GcpSampling.Uniform, 8, 3, seed: 5);
        Assert.Equal(Flat(one, 2), Flat(same, 2));
        Assert.NotEqual(Flat(one, 1), Flat(one, 2));
        Assert.NotEqual(Flat(one, 1), Flat(Sampler(problem, GcpSampling.Uniform, 8, 3, seed: 6), 1));
        Assert.Equal(Flat(one, 4)[(2 * 8 * 3)..], Flat(one, 4, skip: 2));
    }

    [Fact]
    public void Constructor_ThrowsForBadOptionsAndNoObservedEntry()
    {
        GcpProblem problem = SparseCounts(28);
        var samples = Assert.Throws<ArgumentOutOfRangeException>(() => Sampler(problem, GcpSampling.Uniform, 0, 1));
        Assert.Contains("SamplesPerBatch", samples.Message);
        var batches = Assert.Throws<ArgumentOutOfRangeException>(() => Sampler(problem, GcpSampling.Uniform, 4, -2));
        Assert.Contains("-2", batches.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler(problem, (GcpSampling)7, 4, 1));
        var none = Assert.Throws<ArgumentException>(() => new GcpProblem(TN.Zeros(DType.Float64, 2, 2), GcpLoss.Gaussian, TN.Zeros(DType.Float64, 2, 2)));
        Assert.Contains("no observed entry", none.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler(problem, GcpSampling.Uniform, 4, 2).Batches(0, 3).ToList());
    }
}
