using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class SgdTests
{
    public static TheoryData<DType, double, double, bool, double> Variants => new()
    {
        { DType.Float64, 0, 0, false, 0 },
        { DType.Float32, 0, 0, false, 0 },
        { DType.Float64, 0.9, 0.1, false, 0.01 },
        { DType.Float32, 0.9, 0.1, false, 0.01 },
        { DType.Float64, 0.8, 0, true, 0.05 },
        { DType.Float32, 0.8, 0, true, 0.05 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Step_FollowsTheUpdateRule(DType dtype, double momentum, double dampening, bool nesterov, double weightDecay)
    {
        const double rate = 0.05;
        var problem = new TinyQuadratic(dtype);
        var sgd = new Sgd(problem.Parameters(), rate, momentum, dampening, nesterov, weightDecay);

        List<double[]> trajectory = problem.Run(sgd, 4);

        double[] p = [.. TinyQuadratic.Start];
        double[]? b = null;
        for (int k = 0; k < 4; k++)
        {
            double[] g = TinyQuadratic.Gradient(p);
            for (int i = 0; i < 3; i++) g[i] += weightDecay * p[i];
            if (momentum != 0)
            {
                b = b is null ? [.. g] : [.. b.Select((v, i) => momentum * v + (1 - dampening) * g[i])];
                g = nesterov ? [.. g.Select((v, i) => v + momentum * b[i])] : [.. b];
            }
            p = [.. p.Select((v, i) => v - rate * g[i])];
            TestProblem.AssertClose(p, trajectory[k], dtype);
        }
        Assert.Equal(4, sgd.StepCount);
    }

    [Fact]
    public void Step_ReturnsTheLossAtTheStartAndSkipsParametersWithoutGradient()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var sgd = new Sgd(problem.Parameters(), learningRate: 0.1);

        double loss = sgd.Step(() => 7.5);

        Assert.Equal(7.5, loss);
        Assert.Equal(TinyQuadratic.Start, problem.Values);
    }

    [Fact]
    public void Step_RestartsTheMomentumBufferWhenTheShapeChanges()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var sgd = new Sgd(problem.Parameters(), learningRate: 0.1, momentum: 0.9);
        problem.Run(sgd, 2);

        problem.P.Value = TN.Tensor(new double[] { 2, 4 }, 2);
        sgd.Step(() =>
        {
            problem.ZeroGrad();
            Tensor loss = problem.P.Value.Square().Sum();
            loss.Backward();
            return loss.Item();
        });

        // A fresh buffer is b = g = 2p, so p ← p − 0.1·2p = 0.8p.
        Assert.Equal(new[] { 1.6, 3.2 }, problem.Values);
    }

    [Theory]
    [InlineData(DType.Float32, false)]
    [InlineData(DType.Float64, true)]
    public void SetState_ContinuesExactlyLikeAnUninterruptedRun(DType dtype, bool nesterov) =>
        TestProblem.AssertResumesExactly(() => new TinyQuadratic(dtype),
            ps => new Sgd(ps, 0.05, momentum: 0.9, dampening: nesterov ? 0 : 0.2, nesterov: nesterov, weightDecay: 0.01), k: 3);

    [Fact]
    public void GetState_IsACopy()
    {
        var problem = new TinyQuadratic(DType.Float64);
        TestProblem.AssertStateIsACopy(problem, new Sgd(problem.Parameters(), 0.05, momentum: 0.9));
    }

    [Fact]
    public void SetState_RefusesAnotherKindAndOtherShapes()
    {
        var problem = new TinyQuadratic(DType.Float64);
        var sgd = new Sgd(problem.Parameters(), 0.1, momentum: 0.5);
        var adam = new Adam(problem.Parameters());

        Assert.Contains("Adam", Assert.Throws<ArgumentException>(() => sgd.SetState(adam.GetState())).Message);

        problem.Run(sgd, 1);
        OptimizerState state = sgd.GetState();
        var other = new TinyQuadratic(DType.Float64);
        other.P.Value = TN.Zeros(DType.Float64, 4);
        var e = Assert.Throws<ArgumentException>(() => new Sgd(other.Parameters(), 0.1, momentum: 0.5).SetState(state));
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }

    [Theory]
    [InlineData(-0.5, 0, 0, "momentum", "-0.5")]
    [InlineData(double.NaN, 0, 0, "momentum", "NaN")]
    [InlineData(0.9, 1.5, 0, "dampening", "1.5")]
    [InlineData(0.9, -0.1, 0, "dampening", "-0.1")]
    [InlineData(0.9, 0, -0.01, "weightDecay", "-0.01")]
    [InlineData(0.9, 0, double.PositiveInfinity, "weightDecay", "Infinity")]
    public void Constructor_RejectsBadHyperparameters(double momentum, double dampening, double weightDecay, string name, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(new TinyQuadratic(DType.Float64).Parameters(), 0.1, momentum, dampening, false, weightDecay));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"got {value}", e.Message);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.1)]
    public void Constructor_RejectsNesterovWithoutMomentumOrWithDampening(double momentum, double dampening)
    {
        var e = Assert.Throws<ArgumentException>(() => new Sgd(new TinyQuadratic(DType.Float64).Parameters(), 0.1, momentum, dampening, nesterov: true));
        Assert.Contains($"momentum = {momentum}", e.Message);
        Assert.Contains($"dampening = {dampening}", e.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RejectsANegativeOrNonFiniteLearningRate(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(new TinyQuadratic(DType.Float64).Parameters(), rate));
        Assert.Contains($"got {rate}", e.Message);
    }
}
