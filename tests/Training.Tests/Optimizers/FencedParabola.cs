namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>f(x) = (x − 1)², NaN for x &lt; −2 (the term 0·ln(x + 2) is 0 inside, with a zero gradient), started at 0.</summary>
internal sealed class FencedParabola() : TestProblem(TN.Tensor([0.0], 1))
{
    protected override Tensor Loss() => ((P.Value - 1.0).Square() + (P.Value + 2.0).Log() * 0.0).Sum();
}
