using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class SoftplusTests
{
    [Fact]
    public void Forward_EqualsSoftplusAndHasItsGradient() => ActivationTestCases.MatchesOpAndGradCheck(new Softplus(), x => x.Softplus(), 4);
}
