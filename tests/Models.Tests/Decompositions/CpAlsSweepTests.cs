using TensorNetworks.Models.Decompositions;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class CpAlsSweepTests
{
    private static (Tensor X, CpModel Model, CpAlsSweep Sweep) Setup(ulong seed)
    {
        var g = new Generator(seed);
        Tensor x = TN.Randn(g, DType.Float64, 5, 4, 3);
        var model = new CpModel(new CpTensor([TN.Randn(g, DType.Float64, 5, 2), TN.Randn(g, DType.Float64, 4, 2), TN.Randn(g, DType.Float64, 3, 2)]));
        return (x, model, new CpAlsSweep(x, model));
    }

    private static void RunBlock(Block block, CpModel model, Tensor x) =>
        new AlternatingScheme(block).Step(new StepContext(model, new Batch(x), _ => TN.Scalar(0, DType.Float64), 0, 0));

    [Fact]
    public void Block_SolvesTheUnfoldedLeastSquaresProblem()
    {
        var (x, model, sweep) = Setup(41);
        Tensor[] before = [.. model.FactorValues().Select(f => f.Detach())];
        RunBlock(sweep.Blocks()[1], model, x);
        // argmin_A ‖X(1) − A·(A0 ⊙ A2)ᵀ‖ = X(1)·((A0 ⊙ A2)ᵀ)⁺, then columns normalized into λ.
        Tensor kr = TN.Linalg.KhatriRao(before[0], before[2]);
        Tensor expected = TN.MatMul(TN.Linalg.Unfold(x, 1), TN.Linalg.PseudoInverse(kr.Transpose(0, 1)));
        Tensor actual = model.Factors[1].Value.Detach() * model.Weights.Value.Detach();
        Assert.Equal(expected.ToArray<double>(), actual.ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-10);
        Assert.Equal(before[0].ToArray<double>(), model.Factors[0].Value.ToArray<double>());
    }

    [Fact]
    public void SquaredError_ExpandedEqualsDense()
    {
        var (x, model, sweep) = Setup(42);
        foreach (Block b in sweep.Blocks()) RunBlock(b, model, x);
        double expanded;
        using (TN.NoGrad()) expanded = sweep.SquaredError(new Batch(x)).Item();
        double dense = (x - model.Snapshot().ToDense()).Square().Sum().Item();
        Assert.True(dense > 1e-2 * x.Square().Sum().Item(), "the residual must be large enough for the expansion to be used");
        Assert.Equal(dense, expanded, 1e-10 * dense);
    }

    [Fact]
    public void SquaredError_IsDifferentiableWhileRecording()
    {
        var (x, model, sweep) = Setup(43);
        Tensor loss = sweep.SquaredError(new Batch(x));
        loss.Backward();
        Tensor a0 = model.Factors[0].Value.Detach(), a1 = model.Factors[1].Value.Detach(), a2 = model.Factors[2].Value.Detach();
        // d‖X − X̂‖²/dA0 = −2·(X − X̂)(0)·(A1 ⊙ A2) with unit weights.
        Tensor residual = x - model.Snapshot().ToDense();
        Tensor expected = TN.Linalg.Mttkrp(residual, [a0, a1, a2], 0) * -2.0;
        Assert.Equal(expected.ToArray<double>(), model.Factors[0].Grad!.ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-10);
    }
}
