using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Schemes;

public class AlternatingSchemeTests
{
    private static Tensor Planted(Generator gen, int rows, int cols, int rank) =>
        TN.MatMul(TN.Randn(gen, rows, rank), TN.Randn(gen, cols, rank).Transpose(0, 1)).To(DType.Float64);

    /// <summary>U = X V (VᵀV)⁻¹, the exact minimizer over U with V fixed.</summary>
    private static Tensor SolveLeft(Tensor x, Tensor other) =>
        TN.Linalg.Solve(TN.MatMul(other.Transpose(0, 1), other), TN.MatMul(other.Transpose(0, 1), x.Transpose(0, 1))).Transpose(0, 1);

    [Fact]
    public void Als_DrivesPlantedFactorizationLossToZeroMonotonically()
    {
        var gen = new Generator(7);
        Tensor x = Planted(gen, 30, 20, 3);
        var model = new MatrixFactorization(gen, 30, 20, 3);
        var als = new AlternatingScheme(
            Block.ClosedForm("U", [model.U], _ => model.U.Value = SolveLeft(x, model.V.Value)),
            Block.ClosedForm("V", [model.V], _ => model.V.Value = SolveLeft(x.Transpose(0, 1), model.U.Value)));
        var recorder = new LossRecorder();

        FitResult result = Trainer.Fit(model, new FullBatch(new Batch(x)), b => model.Loss(b.Inputs), als,
            new TrainOptions { Epochs = 200, Callbacks = { recorder } });

        Assert.True(recorder.Losses[^1] < 1e-12, $"final loss {recorder.Losses[^1]:E3}");
        for (int i = 1; i < recorder.Losses.Count; i++)
            Assert.True(recorder.Losses[i] <= recorder.Losses[i - 1] * (1 + 1e-9) + 1e-15, $"loss rose at step {i}: {recorder.Losses[i - 1]:E6} -> {recorder.Losses[i]:E6}");
        Assert.Equal(StopReason.Completed, result.StopReason);
    }

    [Fact]
    public void Constructor_ThrowsWhenAParameterIsInTwoBlocks()
    {
        var model = new MatrixFactorization(new Generator(1), 4, 3, 2);
        var e = Assert.Throws<ArgumentException>(() => new AlternatingScheme(
            Block.ClosedForm("a", [model.U], _ => { }), Block.ClosedForm("b", [model.U, model.V], _ => { })));
        Assert.Contains("belongs to blocks a and b", e.Message);
    }

    [Fact]
    public void Fit_ThrowsBeforeTrainingForAForeignParameter()
    {
        var model = new MatrixFactorization(new Generator(1), 4, 3, 2);
        var other = new MatrixFactorization(new Generator(2), 4, 3, 2);
        bool solved = false;
        var scheme = new AlternatingScheme(Block.ClosedForm("U", [other.U], _ => solved = true));
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, new FullBatch(new Batch(TN.Zeros(4, 3))), b => model.Loss(b.Inputs), scheme));
        Assert.Contains("not a parameter", e.Message);
        Assert.False(solved);
    }

    /// <summary>An objective whose first call returns NaN.</summary>
    private static Func<Batch, Tensor> NaNFirst(MatrixFactorization model)
    {
        int calls = 0;
        return b => calls++ == 0 ? model.Loss(b.Inputs) * double.NaN : model.Loss(b.Inputs);
    }

    [Fact]
    public void Fit_GradientBlockFirst_StopsBeforeTheUpdateOnANonFiniteLoss()
    {
        var gen = new Generator(3);
        Tensor x = Planted(gen, 6, 5, 2);
        var model = new MatrixFactorization(gen, 6, 5, 2);
        Tensor u = model.U.Value.Clone(), v = model.V.Value.Clone();
        var scheme = new AlternatingScheme(
            Block.GradientSteps("U", [model.U], ps => new Sgd(ps, 0.1)),
            Block.ClosedForm("V", [model.V], _ => model.V.Value = SolveLeft(x.Transpose(0, 1), model.U.Value)));

        var e = Assert.Throws<NonFiniteException>(() => Trainer.Fit(model, new FullBatch(new Batch(x)), NaNFirst(model), scheme));

        Assert.Equal((0L, null, false), (e.Step, e.ParameterName, e.UpdateApplied));
        Assert.Equal(u.ToArray<double>(), model.U.Value.ToArray<double>());
        Assert.Equal(v.ToArray<double>(), model.V.Value.ToArray<double>());
    }

    [Fact]
    public void Fit_ClosedFormBlockFirst_ReportsANonFiniteLossOfTheNextBlockAfterTheUpdate()
    {
        var gen = new Generator(3);
        Tensor x = Planted(gen, 6, 5, 2);
        var model = new MatrixFactorization(gen, 6, 5, 2);
        var scheme = new AlternatingScheme(
            Block.ClosedForm("U", [model.U], _ => model.U.Value = SolveLeft(x, model.V.Value)),
            Block.GradientSteps("V", [model.V], ps => new Sgd(ps, 0.1)));

        var e = Assert.Throws<NonFiniteException>(() => Trainer.Fit(model, new FullBatch(new Batch(x)), NaNFirst(model), scheme));

        Assert.Equal((0L, "V", true), (e.Step, e.ParameterName, e.UpdateApplied));
        Assert.Contains("the update made parameter \"V\" non-finite", e.Message);
    }
}
