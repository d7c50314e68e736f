using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class TanhTests
{
    [Fact]
    public void Forward_EqualsTanhAndHasItsGradient() => ActivationTestCases.MatchesOpAndGradCheck(new Tanh(), x => x.Tanh(), 3);
}
