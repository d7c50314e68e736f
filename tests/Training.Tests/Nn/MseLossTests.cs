using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class MseLossTests
{
    [Fact]
    public void Forward_EqualsTheTnFunctionAndItsGradient()
    {
        var gen = new Generator(1);
        Tensor p = TN.Randn(gen, DType.Float64, 3, 4).RequiringGrad();
        Tensor t = TN.Randn(gen, DType.Float64, 3, 4);
        LossModule loss = new MseLoss();

        Tensor l = loss.Forward(p, t);
        l.Backward();

        Assert.Equal(TN.MseLoss(p.Detach(), t).Item(), l.Item());
        double[] pv = p.ToArray<double>(), tv = t.ToArray<double>(), g = p.Grad!.ToArray<double>();
        for (int i = 0; i < pv.Length; i++) Assert.Equal(2 * (pv[i] - tv[i]) / 12, g[i], 14);
    }
}
