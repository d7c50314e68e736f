using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

public sealed class TensorFormatTests
{
    [Fact]
    public void WholeNumbers_PrintWithoutDecimals_RowsAligned()
    {
        Assert.Equal("tensor([[1, 0],\n        [0, 1]], Float32, shape [2, 2])", TN.Eye(2).ToString());
        Assert.Equal("tensor([[   0,    1,    2, ...,  997,  998,  999],\n        [1000, 1001, 1002, ..., 1997, 1998, 1999]], Float32, shape [2, 1000])",
            TN.Arange(2000).Reshape(2, 1000).ToString());
    }

    [Fact]
    public void Fractions_TakeFourDecimalsRightAligned()
        => Assert.Equal("tensor([  0.5000, -12.2500], Float64, shape [2])", TN.Tensor(new[] { 0.5, -12.25 }, 2).ToString());

    [Theory]
    [InlineData(1e-8, 0.5)]
    [InlineData(1.5, 2e8)]
    [InlineData(0.001, 1.5)]
    public void WideOrExtremeMagnitudes_TakeScientificNotationForEveryValue(double a, double b)
    {
        string text = TN.Tensor(new[] { a, b }, 2).ToString();
        Assert.Matches(@"^tensor\(\[\d\.\d{4}e[+-]\d\d, \d\.\d{4}e[+-]\d\d\], Float64, shape \[2\]\)$", text);
    }

    [Fact]
    public void SpecialValues_PrintAsNumPyDoes_AndDoNotDecideTheFormat()
    {
        Assert.Equal("tensor([1.0000e-08, 1.2346e+08,        inf,        nan,       -inf], Float64, shape [5])",
            TN.Tensor(new[] { 1e-8, 123456789.1, double.PositiveInfinity, double.NaN, double.NegativeInfinity }, 5).ToString());
        Assert.Equal("tensor([  2, nan], Float64, shape [2])", TN.Tensor(new[] { 2.0, double.NaN }, 2).ToString());
    }

    [Fact]
    public void EmptyZeroDimensionalAndReleasedTensors_Print()
    {
        Assert.Equal("tensor([], Float32, shape [0, 3])", TN.Zeros(0, 3).ToString());
        Assert.Equal("tensor(2.5000, Float32, shape [])", TN.Scalar(2.5).ToString());
        Assert.Equal("tensor([1, 2], Float64, shape [2], requires_grad)", TN.Tensor(new[] { 1.0, 2 }, 2).RequiringGrad().ToString());
    }
}
