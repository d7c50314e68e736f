using TensorNetworks.Models.Completion;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class CompletionModelTests
{
    [Fact]
    public void Loss_IsHalfSquaredObservedResidualPlusHalfPenaltyOfEveryParameter()
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(2, 5, 4, 3);
        var model = new TuckerCompletionModel(observed.Shape, [2, 2, 2], DType.Float64, 0.7, new Generator(3));
        double[] x = observed.Values.ToArray<double>(), m = model.Predict(observed).ToArray<double>();
        double fit = 0.5 * x.Zip(m, (a, b) => (a - b) * (a - b)).Sum();
        double squares = model.Parameters().Sum(p => p.Value.ToArray<double>().Sum(v => v * v));
        Assert.Equal(fit, model.Loss(observed, 0).Item(), 1e-12);
        Assert.Equal(fit + 0.5 * 0.4 * squares, model.Loss(observed, 0.4).Item(), 1e-12);
        Assert.True(squares > 1);
    }
}
