using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class MseLossTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void MseLoss_MatchesNaiveMeanOfSquares(DType dtype)
    {
        Tensor p = Reference.Randn(41, dtype, 3, 7), t = Reference.Randn(42, dtype, 3, 7);
        double[] pv = p.ToArray<double>(), tv = t.ToArray<double>();
        double expected = pv.Zip(tv, (a, b) => (a - b) * (a - b)).Average();
        Reference.Close([expected], TN.MseLoss(p, t), 2 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void MseLoss_KeepsFloat32PrecisionOverMillionsOfElements()
    {
        int n = 1 << 22;
        Tensor p = TN.Rand(new Generator(43), DType.Float32, n) + 1, t = TN.Zeros(DType.Float32, n);
        double expected = p.ToArray<float>().Sum(v => (double)v * v) / n;
        double actual = TN.MseLoss(p, t).Item();
        Assert.True(Math.Abs(actual - expected) <= 2e-7 * expected, $"MseLoss {actual} against {expected}: relative error {(actual - expected) / expected:E2}");
    }

    [Fact]
    public void MseLoss_GradientIsTwiceTheDifferenceOverN()
    {
        var p = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }).RequiringGrad();
        var t = TN.Tensor(new[] { 0.0, 2.0, 5.0, 4.0 }).RequiringGrad();
        TN.MseLoss(p, t).Backward();
        Assert.Equal([0.5, 0.0, -1.0, 0.0], p.Grad!.ToArray<double>());
        Assert.Equal([-0.5, 0.0, 1.0, 0.0], t.Grad!.ToArray<double>());
    }

    /// <summary>Large enough for the loss's blocks and the gradient's pieces to be split across the cores: the gradient
    /// has the bits of the two separate ops, (p − t) then times 2g/n, and the loss those of one sequential sum of
    /// the blocks' double sums.</summary>
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void MseLoss_AndItsGradientOnLargeTensorsMatchTheUnfusedOps(DType dtype)
    {
        const int n = 300_001;
        Tensor p = Reference.Randn(44, dtype, n).RequiringGrad(), t = Reference.Randn(45, dtype, n).RequiringGrad();
        Tensor loss = TN.MseLoss(p, t);
        loss.Backward(TN.Full(3.0, dtype));
        Tensor difference = p.Detach() - t.Detach();
        Assert.Equal((difference * (6.0 / n)).ToArray<double>(), p.Grad!.ToArray<double>());
        Assert.Equal((difference * (-6.0 / n)).ToArray<double>(), t.Grad!.ToArray<double>());
        double[] d = difference.ToArray<double>();
        double expected = d.Sum(e => e * e) / n;
        Reference.Close([expected], loss, 2 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void MseLoss_ThrowsForShapeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.MseLoss(TN.Zeros(4), TN.Zeros(4, 1)));
        Assert.Contains("[4]", e.Message);
        Assert.Contains("[4, 1]", e.Message);
    }

    [Fact]
    public void MseLoss_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.MseLoss(TN.Zeros(4), TN.Zeros(DType.Float64, 4)));
        Assert.Contains("MseLoss", e.Message);
        Assert.Contains("Float64", e.Message);
    }
}
