using TensorNetworks.Nn;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>The Trainer with a GradientScheme reaching the closed-form least-squares fit of a Linear(5, 1).</summary>
public class LeastSquaresTrainingTests
{
    private sealed record Problem(Linear Model, FullBatch Data, double[] Solution);

    /// <summary>X (64×5, seeded) and y = X·w + b + noise; the solution [w; b] of min ‖[X 1]·θ − y‖ by the SVD.</summary>
    private static Problem Plant(DType dtype)
    {
        var gen = new Generator(2024);
        Tensor x = TN.Randn(gen, DType.Float64, 64, 5);
        Tensor w = TN.Tensor(new[] { 1.5, -2.0, 0.5, 3.0, -1.0 }, 5, 1);
        Tensor y = TN.MatMul(x, w) + 0.75 + 0.1 * TN.Randn(gen, DType.Float64, 64, 1);
        Tensor augmented = TN.Cat([x, TN.Ones(DType.Float64, 64, 1)], axis: 1);
        double[] solution = TN.Linalg.LeastSquares(augmented, y).ToArray<double>();
        var model = new Linear(5, 1, new Generator(1), dtype: dtype);
        return new Problem(model, new FullBatch(new Batch(x.To(dtype), y.To(dtype))), solution);
    }

    private static double RelativeError(Linear model, double[] solution)
    {
        double[] theta = [.. model.Weight.Value.ToArray<double>(), .. model.Bias!.Value.ToArray<double>()];
        double error = Math.Sqrt(theta.Zip(solution, (a, b) => (a - b) * (a - b)).Sum());
        return error / Math.Sqrt(solution.Sum(v => v * v));
    }

    private static FitResult Fit(Problem problem, Optimizer optimizer, LearningRateSchedule? schedule, int epochs) =>
        Trainer.Fit(problem.Model, problem.Data,
            batch => TN.MseLoss(problem.Model.Forward(batch.Inputs), batch.Targets!),
            new GradientScheme(optimizer, schedule), new TrainOptions { Epochs = epochs });

    [Fact]
    public void Adam_ReachesTheLeastSquaresSolution()
    {
        Problem problem = Plant(DType.Float64);
        var adam = new Adam(problem.Model.Parameters(), learningRate: 0.05);

        FitResult result = Fit(problem, adam, new CosineSchedule(totalSteps: 3000, minLearningRate: 1e-5), epochs: 3000);

        double error = RelativeError(problem.Model, problem.Solution);
        Assert.True(error < 1e-4, $"relative error {error:G3} after {result.Steps} steps");
    }

    [Fact]
    public void Lbfgs_ReachesTheLeastSquaresSolution()
    {
        Problem problem = Plant(DType.Float64);
        var lbfgs = new Lbfgs(problem.Model.Parameters(), gradientTolerance: 1e-12, changeTolerance: 1e-16);

        FitResult result = Fit(problem, lbfgs, null, epochs: 3);

        double error = RelativeError(problem.Model, problem.Solution);
        Assert.True(error < 1e-8, $"relative error {error:G3} after {lbfgs.Iterations} iterations");
        Assert.Equal(3, result.Steps);
    }

    [Fact]
    public void Adam_TrainsFloat32ParametersToFloat32Accuracy()
    {
        Problem problem = Plant(DType.Float32);
        var adam = new Adam(problem.Model.Parameters(), learningRate: 0.05);

        Fit(problem, adam, new CosineSchedule(totalSteps: 2000, minLearningRate: 1e-5), epochs: 2000);

        double error = RelativeError(problem.Model, problem.Solution);
        Assert.True(error < 1e-3, $"relative error {error:G3}");
    }
}
