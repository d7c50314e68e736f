using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class DropoutTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Forward_DropsAboutPAndScalesTheRestByOneOverOneMinusP(double p)
    {
        var dropout = new Dropout(p, new Generator(1));
        Tensor y = dropout.Forward(TN.Ones(DType.Float64, 100, 100));

        double[] values = y.ToArray<double>();
        int dropped = values.Count(v => v == 0);
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(1 / (1 - p), v, 14));
        // Binomial(10000, p): the standard deviation of the dropped fraction is below 0.005.
        Assert.InRange(dropped / 10000.0, p - 0.02, p + 0.02);
        Assert.Equal(1.0, values.Average(), 1);
    }

    [Fact]
    public void Forward_DrawsAFreshMaskEachCallAndRepeatsForTheSameSeed()
    {
        Tensor x = TN.Ones(DType.Float64, 64);
        var a = new Dropout(0.5, new Generator(2));
        var b = new Dropout(0.5, new Generator(2));

        double[] first = a.Forward(x).ToArray<double>();
        double[] second = a.Forward(x).ToArray<double>();

        Assert.NotEqual(first, second);
        Assert.Equal(first, b.Forward(x).ToArray<double>());
    }

    [Fact]
    public void Forward_IsTheIdentityInEvalMode()
    {
        var dropout = new Dropout(0.9, new Generator(3));
        dropout.Eval();
        Tensor x = TN.Randn(new Generator(4), DType.Float64, 10, 10);

        Assert.Equal(x.ToArray<double>(), dropout.Forward(x).ToArray<double>());
    }

    [Fact]
    public void Backward_PassesTheGradientThroughTheKeptUnitsOnly()
    {
        var dropout = new Dropout(0.5, new Generator(5));
        Tensor x = TN.Ones(DType.Float64, 50).RequiringGrad();

        Tensor y = dropout.Forward(x);
        y.Sum().Backward();

        Assert.Equal(y.ToArray<double>(), x.Grad!.ToArray<double>());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Constructor_ThrowsForPOutsideZeroToOne(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(p, new Generator(0)));
        Assert.Contains($"got {p}", e.Message);
    }
}
