using TensorNetworks.Models.Completion;
using TensorNetworks.Nn;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class TtCompletionModelTests
{
    private static TtCompletionModel Model(Shape shape, int[] ranks, ulong seed) => new(shape, ranks, DType.Float64, 0.8, new Generator(seed));

    [Theory]
    [InlineData(new[] { 5, 4, 3 }, new[] { 1, 2, 3, 1 })]
    [InlineData(new[] { 4, 3, 3, 2 }, new[] { 1, 3, 2, 2, 1 })]
    [InlineData(new[] { 6 }, new[] { 1, 1 })]
    public void Predict_EqualsDenseEntriesAtObservedIndices(int[] shape, int[] ranks)
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(1, shape);
        TtCompletionModel model = Model(observed.Shape, ranks, 2);
        double[] dense = model.Snapshot().ToDense().ToArray<double>();
        double[] predicted = model.Predict(observed).ToArray<double>();
        for (int j = 0; j < observed.Count; j++)
        {
            int flat = 0;
            for (int k = 0; k < shape.Length; k++) flat = flat * shape[k] + observed.ModeIndices(k)[j];
            Assert.Equal(dense[flat], predicted[j], 1e-12);
        }
    }

    [Fact]
    public void Loss_PassesFiniteDifferenceCheck()
    {
        ObservedEntries observed = CompletionFixtures.SmallObserved(8, 4, 3, 5);
        TtCompletionModel model = Model(observed.Shape, [1, 2, 3, 1], 9);
        Parameter[] parameters = [.. model.Parameters()];
        GradCheckResult r = GradCheck.Compare(values =>
        {
            for (int k = 0; k < parameters.Length; k++) parameters[k].Value = values[k];
            return model.Loss(observed, 0.1);
        }, [.. parameters.Select(q => q.Value.Detach().Clone().RequiringGrad())]);
        Assert.True(r.Passed, r.ToString());
    }
}
