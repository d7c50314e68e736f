using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class SigmoidTests
{
    [Fact]
    public void Forward_EqualsSigmoidAndHasItsGradient() => ActivationTestCases.MatchesOpAndGradCheck(new Sigmoid(), x => x.Sigmoid(), 2);
}
