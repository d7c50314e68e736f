using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class CrossEntropyLossTests
{
    [Fact]
    public void Forward_EqualsTheTnFunctionForIntAndTensorLabels()
    {
        Tensor logits = TN.Randn(new Generator(1), DType.Float64, 4, 3);
        int[] labels = [2, 0, 1, 2];
        var loss = new CrossEntropyLoss();

        double expected = TN.CrossEntropy(logits, labels).Item();

        Assert.Equal(expected, loss.Forward(logits, labels).Item());
        Assert.Equal(expected, loss.Forward(logits, TN.Tensor(new double[] { 2, 0, 1, 2 })).Item());
    }

    [Fact]
    public void Forward_IsTheMeanNegativeLogSoftmaxOfTheLabel()
    {
        Tensor logits = TN.Tensor(new double[,] { { 1, 2, 3 }, { 0, 0, 0 } });

        double l = new CrossEntropyLoss().Forward(logits, [2, 1]).Item();

        double row0 = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)) - 3;
        double row1 = Math.Log(3);
        Assert.Equal((row0 + row1) / 2, l, 1e-14);
    }
}
