using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class ReLUTests
{
    [Fact]
    public void Forward_EqualsReluAndHasItsGradient() => ActivationTestCases.MatchesOpAndGradCheck(new ReLU(), x => x.Relu(), 1);
}
