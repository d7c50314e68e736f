using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

/// <summary>Shared checks for the activation modules: same values as the tensor op, and a float64 gradient check.</summary>
internal static class ActivationTestCases
{
    public static void MatchesOpAndGradCheck(Module activation, Func<Tensor, Tensor> op, ulong seed)
    {
        Tensor x = TN.Randn(new Generator(seed), DType.Float64, 4, 5).RequiringGrad();

        Assert.Equal(op(x).ToArray<double>(), activation.Forward(x).ToArray<double>());
        GradCheckResult result = GradCheck.Compare(xs => activation.Forward(xs[0]), [x]);
        Assert.True(result.Passed, result.ToString());
        Assert.Empty(activation.Parameters());
    }
}
