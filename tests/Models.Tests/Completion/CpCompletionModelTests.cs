using TensorNetworks.Models.Completion;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class CpCompletionModelTests
{
    private static CpCompletionModel Model(Shape shape, int rank, ulong seed) => new(shape, rank, DType.Float64, 0.8, new Generator(seed));

    [Fact]
    public void Predict_EqualsDenseEntriesAtObservedIndices()
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(1, 5, 4, 3);
        CpCompletionModel model = Model(observed.Shape, 3, 2);
        Tensor dense = model.Snapshot().ToDense();
        double[] predicted = model.Predict(observed).ToArray<double>();
        for (int j = 0; j < observed.Count; j++)
            Assert.Equal(dense[observed.ModeIndices(0)[j], observed.ModeIndices(1)[j], observed.ModeIndices(2)[j]], predicted[j], 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void ClosedFormGradients_EqualAutodiff(double penalty)
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(3, 6, 5, 4);
        CpCompletionModel model = Model(observed.Shape, 3, 4);
        Tensor[] closed = model.ClosedFormGradients(observed, penalty);
        Tensor[] autodiff = Gradients.Of(model.Loss(observed, penalty), [.. model.Factors.Select(p => p.Value)]);
        for (int k = 0; k < closed.Length; k++)
        {
            double[] a = autodiff[k].ToArray<double>(), c = closed[k].ToArray<double>();
            Assert.True(a.Any(v => Math.Abs(v) > 1e-3), "the gradient must not vanish for the comparison to mean anything");
            for (int e = 0; e < a.Length; e++) Assert.Equal(a[e], c[e], 1e-10);
        }
    }

    /// <summary>
    /// Seed 001's matrix completion F(U, V) = ½ Σ_Ω (Mᵢⱼ − uᵢvⱼᵀ)² + (λ/2)(‖U‖² + ‖V‖²) is the order-2 case;
    /// its accepted answer gives ∂F/∂U = −(P ⊙ (M − UVᵀ))V + λU (and symmetrically for V), written here with dense matrices.
    /// </summary>
    [Fact]
    public void Loss_GradientMatchesMatrixCompletionFormulaInOrderTwo()
    {
        const double lambda = 0.25;
        var g = new Generator(5);
        Tensor m = TN.Randn(g, DType.Float64, 7, 6);
        Tensor p = CompletionFixtures.Mask(6, 0.5, 7, 6);
        ObservedEntries observed = ObservedEntries.FromMask(m, p);
        CpCompletionModel model = Model(observed.Shape, 2, 7);
        Tensor u = model.Factors[0].Value.Detach(), v = model.Factors[1].Value.Detach();
        Tensor residual = p * (m - u.MatMul(v.Transpose(0, 1)));
        Tensor du = -residual.MatMul(v) + u * lambda;
        Tensor dv = -residual.Transpose(0, 1).MatMul(u) + v * lambda;
        Tensor[] autodiff = Gradients.Of(model.Loss(observed, lambda), [model.Factors[0].Value, model.Factors[1].Value]);
        Assert.Equal(0, (autodiff[0] - du).Norm().Item(), 1e-10);
        Assert.Equal(0, (autodiff[1] - dv).Norm().Item(), 1e-10);
        Assert.True(du.Norm().Item() > 1e-2);
    }

    [Fact]
    public void Loss_PassesFiniteDifferenceCheck()
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(8, 4, 3, 5);
        CpCompletionModel model = Model(observed.Shape, 2, 9);
        Parameter[] parameters = [.. model.Parameters()];
        GradCheckResult r = GradCheck.Compare(values =>
        {
            for (int k = 0; k < parameters.Length; k++) parameters[k].Value = values[k];
            return model.Loss(observed, 0.1);
        }, [.. parameters.Select(q => q.Value.Detach().Clone().RequiringGrad())]);
        Assert.True(r.Passed, r.ToString());
    }
}
