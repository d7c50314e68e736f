using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>What L-BFGS does when a move fails: it retries from steepest descent, and when steepest descent
/// fails too it throws, except at a numerical minimum.</summary>
public partial class LbfgsTests
{
    [Fact]
    public void Step_RetriesFromSteepestDescentWhenTheQuasiNewtonTrialIsNonFinite()
    {
        // Fixed steps of 4: steepest descent goes 0 → 4; the quasi-Newton trial from 4 is 4 − 4·3 = −8,
        // where the loss is NaN; steepest descent from 4 (step min(1, 1/6)·4) lands on 0.
        var problem = new FencedParabola();
        var lbfgs = new Lbfgs(problem.Parameters(), learningRate: 4, maxIterations: 2, gradientTolerance: 0, changeTolerance: 0, lineSearch: LbfgsLineSearch.None);

        lbfgs.Step(problem.Evaluate);

        Assert.Equal(2, lbfgs.Iterations);
        Assert.Equal(0.0, problem.Values[0], 1e-12);
        Assert.Equal(-2.0, problem.P.Grad!.ToArray<double>()[0], 1e-12);
    }

    [Fact]
    public void Step_ThrowsNamingTheRemedyWhenASteepestDescentTrialIsNonFinite()
    {
        var problem = new LogBarrier(DType.Float64);
        var lbfgs = new Lbfgs(problem.Parameters(), learningRate: 10, lineSearch: LbfgsLineSearch.None);
        double startLoss = problem.Evaluate();

        var e = Assert.Throws<LbfgsStepException>(() => lbfgs.Step(problem.Evaluate));

        Assert.Equal((0L, startLoss, 10.0, LbfgsLineSearch.None), (e.Step, e.Loss, e.LearningRate, e.LineSearch));
        foreach (string part in new[] { "step 0", startLoss.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), "NaN", "learningRate = 10", "lower learningRate", "LbfgsLineSearch.StrongWolfe" })
            Assert.True(e.Message.Contains(part), $"\"{part}\" is missing from: {e.Message}");
        Assert.Equal(LogBarrier.Start, problem.Values);
        Assert.Equal(0, lbfgs.StepCount);
    }

    [Fact]
    public void Step_ThrowsWhenTheStrongWolfeSearchFindsNoDecreaseAlongASignificantSlope()
    {
        var problem = new MisleadingGradient();
        double[] start = problem.Values;
        var lbfgs = new Lbfgs(problem.Parameters());

        var e = Assert.Throws<LbfgsStepException>(() => lbfgs.Step(problem.Evaluate));

        Assert.Equal(LbfgsLineSearch.StrongWolfe, e.LineSearch);
        foreach (string part in new[] { "step 0", "strong-Wolfe", "learningRate = 1", "gradients" })
            Assert.True(e.Message.Contains(part), $"\"{part}\" is missing from: {e.Message}");
        Assert.Equal(start, problem.Values);
    }

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Step_EndsQuietlyAtANumericalMinimumWithZeroTolerances(DType dtype)
    {
        var problem = new RaisedRosenbrock(dtype);
        var lbfgs = new Lbfgs(problem.Parameters(), maxIterations: 200, gradientTolerance: 0, changeTolerance: 0);

        for (int step = 0; step < 3; step++) lbfgs.Step(problem.Evaluate);

        Assert.All(problem.Values, v => Assert.Equal(1.0, v, dtype == DType.Float64 ? 1e-5 : 0.1));
    }

    [Fact]
    public void Step_EndsQuietlyAtAnExactFitWithZeroTolerances()
    {
        var problem = new ExactFit();
        var lbfgs = new Lbfgs(problem.Parameters(), maxIterations: 100, gradientTolerance: 0, changeTolerance: 0);

        for (int step = 0; step < 3; step++) lbfgs.Step(problem.Evaluate);

        TestProblem.AssertClose([0.3, -0.7, 1.1], problem.Values, DType.Float32);
    }

    [Fact]
    public void Step_EndsQuietlyWhenAFloat32LossHasUnderflowedToZero()
    {
        var problem = new UnderflowingFit();
        var lbfgs = new Lbfgs(problem.Parameters(), maxIterations: 200, gradientTolerance: 0, changeTolerance: 0);

        for (int step = 0; step < 3; step++) lbfgs.Step(problem.Evaluate);

        Assert.Equal(0.0, problem.Evaluate());
        Assert.All(problem.Values, v => Assert.True(Math.Abs(v) < 1e-10, $"p = {v}"));
    }

    [Theory]
    [InlineData(LbfgsLineSearch.None)]
    [InlineData(LbfgsLineSearch.StrongWolfe)]
    public void Step_WithALearningRateOfZero_EvaluatesWithoutMoving(LbfgsLineSearch lineSearch)
    {
        var problem = new Rosenbrock(DType.Float64);
        var lbfgs = new Lbfgs(problem.Parameters(), learningRate: 0, lineSearch: lineSearch);

        double loss = lbfgs.Step(problem.Evaluate);

        Assert.Equal(Rosenbrock.Value(-1.2, 1), loss, 1e-12);
        Assert.Equal([-1.2, 1.0], problem.Values);
        Assert.Equal((1L, 0L), (lbfgs.StepCount, lbfgs.Iterations));
    }
}
