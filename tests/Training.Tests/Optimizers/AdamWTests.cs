using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class AdamWTests
{
    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Step_DecaysTheParameterBeforeTheAdamUpdate(DType dtype)
    {
        const double rate = 0.1, beta1 = 0.8, beta2 = 0.95, epsilon = 1e-3, decay = 0.2;
        var problem = new TinyQuadratic(dtype);
        var adamw = new AdamW(problem.Parameters(), rate, beta1, beta2, epsilon, decay);

        List<double[]> trajectory = problem.Run(adamw, 4);

        double[] p = [.. TinyQuadratic.Start], m = new double[3], v = new double[3];
        for (int t = 1; t <= 4; t++)
        {
            double[] g = TinyQuadratic.Gradient(p);
            for (int i = 0; i < 3; i++)
            {
                p[i] *= 1 - rate * decay;
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.Pow(beta1, t)), vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= rate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
            TestProblem.AssertClose(p, trajectory[t - 1], dtype);
        }
    }

    [Fact]
    public void Constructor_DefaultsToAWeightDecayOfOneHundredth()
    {
        Assert.Equal(1e-2, new AdamW(new TinyQuadratic(DType.Float64).Parameters()).WeightDecay);
    }

    [Fact]
    public void Step_DiffersFromAdamsL2Penalty()
    {
        var decoupled = new TinyQuadratic(DType.Float64);
        decoupled.Run(new AdamW(decoupled.Parameters(), 0.1, weightDecay: 0.1), 3);
        var coupled = new TinyQuadratic(DType.Float64);
        coupled.Run(new Adam(coupled.Parameters(), 0.1, weightDecay: 0.1), 3);

        Assert.NotEqual(coupled.Values, decoupled.Values);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SetState_ContinuesExactlyLikeAnUninterruptedRun(DType dtype) =>
        TestProblem.AssertResumesExactly(() => new TinyQuadratic(dtype), ps => new AdamW(ps, 0.05, weightDecay: 0.1), k: 3);

    [Fact]
    public void SetState_RefusesAnotherKind()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new AdamW(problem.Parameters()).SetState(new Sgd(problem.Parameters(), 0.1).GetState()));
        Assert.Contains("Sgd", e.Message);
    }

    [Theory]
    [InlineData(0.9, 1.2, 1e-8, 0.01, "beta2", "1.2")]
    [InlineData(-1.0, 0.999, 1e-8, 0.01, "beta1", "-1")]
    [InlineData(0.9, 0.999, double.PositiveInfinity, 0.01, "epsilon", "Infinity")]
    [InlineData(0.9, 0.999, 1e-8, -0.01, "weightDecay", "-0.01")]
    public void Constructor_RejectsBadHyperparameters(double beta1, double beta2, double epsilon, double weightDecay, string name, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(new TinyQuadratic(DType.Float64).Parameters(), 1e-3, beta1, beta2, epsilon, weightDecay));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"AdamW: {name} must be", e.Message);
        Assert.Contains($"got {value}.", e.Message);
    }
}
