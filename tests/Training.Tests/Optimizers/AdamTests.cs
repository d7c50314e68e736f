using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class AdamTests
{
    [Theory]
    [InlineData(DType.Float64, 0.0)]
    [InlineData(DType.Float32, 0.0)]
    [InlineData(DType.Float64, 0.1)]
    [InlineData(DType.Float32, 0.1)]
    public void Step_FollowsTheBiasCorrectedRule(DType dtype, double weightDecay)
    {
        const double rate = 0.1, beta1 = 0.8, beta2 = 0.95, epsilon = 1e-3;
        var problem = new TinyQuadratic(dtype);
        var adam = new Adam(problem.Parameters(), rate, beta1, beta2, epsilon, weightDecay);

        List<double[]> trajectory = problem.Run(adam, 4);

        double[] p = [.. TinyQuadratic.Start], m = new double[3], v = new double[3];
        for (int t = 1; t <= 4; t++)
        {
            double[] g = TinyQuadratic.Gradient(p);
            for (int i = 0; i < 3; i++)
            {
                g[i] += weightDecay * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.Pow(beta1, t)), vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= rate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
            TestProblem.AssertClose(p, trajectory[t - 1], dtype);
        }
    }

    [Fact]
    public void Step_FirstStepMovesEachCoordinateByAboutTheLearningRate()
    {
        // With bias correction, m̂ = g and v̂ = g² at t = 1, so the first step is η·g/(|g| + ε) ≈ η·sign(g).
        var problem = new TinyQuadratic(DType.Float64);
        problem.Run(new Adam(problem.Parameters(), learningRate: 0.01), 1);

        double[] moved = [.. problem.Values.Zip(TinyQuadratic.Start, (a, b) => b - a)];
        double[] signs = [.. TinyQuadratic.Gradient(TinyQuadratic.Start).Select(g => 0.01 * Math.Sign(g))];
        TestProblem.AssertClose(signs, moved, DType.Float32);
    }

    [Fact]
    public void Step_RestartsTheMomentsWhenTheShapeChanges()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var adam = new Adam(problem.Parameters(), learningRate: 0.5);
        problem.Run(adam, 3);

        problem.P.Value = TN.Tensor(new double[] { 2, -4 }, 2);
        adam.Step(() =>
        {
            problem.ZeroGrad();
            Tensor loss = problem.P.Value.Square().Sum();
            loss.Backward();
            return loss.Item();
        });

        // A restarted step is the first step: p ← p − η·g/(|g| + ε).
        TestProblem.AssertClose([2 - 0.5 * 4 / (4 + 1e-8), -4 + 0.5 * 8 / (8 + 1e-8)], problem.Values, DType.Float64);
        Assert.Equal(1.0, adam.GetState().Scalars["step.0"]);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SetState_ContinuesExactlyLikeAnUninterruptedRun(DType dtype) =>
        TestProblem.AssertResumesExactly(() => new TinyQuadratic(dtype), ps => new Adam(ps, 0.05, weightDecay: 0.01), k: 3);

    [Fact]
    public void GetState_IsACopy()
    {
        var problem = new TinyQuadratic(DType.Float64);
        TestProblem.AssertStateIsACopy(problem, new Adam(problem.Parameters()));
    }

    [Fact]
    public void SetState_RefusesAnotherKindAndOtherShapes()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var adam = new Adam(problem.Parameters());
        problem.Run(adam, 1);

        var e = Assert.Throws<ArgumentException>(() => new AdamW(problem.Parameters()).SetState(adam.GetState()));
        Assert.Contains("belongs to a Adam optimizer, not a AdamW", e.Message);

        var other = new TinyQuadratic(DType.Float32);
        e = Assert.Throws<ArgumentException>(() => new Adam(other.Parameters()).SetState(adam.GetState()));
        Assert.Contains("Float64", e.Message);
        Assert.Contains("Float32", e.Message);
    }

    [Theory]
    [InlineData(1.5, 0.999, 1e-8, 0, "beta1", "1.5")]
    [InlineData(1.0, 0.999, 1e-8, 0, "beta1", "1")]
    [InlineData(-0.1, 0.999, 1e-8, 0, "beta1", "-0.1")]
    [InlineData(0.9, 1.0, 1e-8, 0, "beta2", "1")]
    [InlineData(0.9, double.NaN, 1e-8, 0, "beta2", "NaN")]
    [InlineData(0.9, 0.999, -1e-8, 0, "epsilon", "-1E-08")]
    [InlineData(0.9, 0.999, 1e-8, -0.5, "weightDecay", "-0.5")]
    public void Constructor_RejectsBadHyperparameters(double beta1, double beta2, double epsilon, double weightDecay, string name, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(new TinyQuadratic(DType.Float64).Parameters(), 1e-3, beta1, beta2, epsilon, weightDecay));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"Adam: {name} must be", e.Message);
        Assert.Contains($"got {value}.", e.Message);
    }

    [Fact]
    public void Constructor_RejectsAnEmptyParameterList()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new Adam([])).Message);
    }
}
