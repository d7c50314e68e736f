using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class MeanTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Mean_MatchesNaiveAverageOverEachAxisSet(DType dtype)
    {
        Tensor x = Reference.Randn(5, dtype, 2, 3, 4);
        double[] v = x.ToArray<double>();
        double At(int i, int j, int k) => v[(i * 3 + j) * 4 + k];

        Reference.Close([v.Average()], x.Mean(), Reference.Tolerance(dtype));
        double[] overMiddle = [.. from i in Enumerable.Range(0, 2) from k in Enumerable.Range(0, 4)
                                  select Enumerable.Range(0, 3).Average(j => At(i, j, k))];
        Reference.Close(overMiddle, x.Mean(1), Reference.Tolerance(dtype));
        double[] overOuter = [.. Enumerable.Range(0, 3).Select(j => (from i in Enumerable.Range(0, 2) from k in Enumerable.Range(0, 4) select At(i, j, k)).Average())];
        Reference.Close(overOuter, x.Mean([0, -1]), Reference.Tolerance(dtype));
    }

    [Fact]
    public void Mean_KeepDimLeavesExtentOne()
    {
        Tensor m = TN.Ones(2, 3, 4).Mean([0, 2], keepDim: true);
        Assert.Equal(new Shape(1, 3, 1), m.Shape);
        Assert.Equal(new Shape(3), TN.Ones(2, 3, 4).Mean([0, 2]).Shape);
    }

    [Fact]
    public void Mean_AlongAStridedAxisOfMillionsOfFloat32ValuesKeepsSevenDigits()
    {
        // Two lines of 2M U[0, 1) values 2 apart: their float32 row-by-row sum made the means 3.7e-5 off, relative.
        Tensor x = TN.Rand(new Generator(6), DType.Float32, 1 << 21, 2);
        double[] mean = x.Mean(0).ToArray<double>(), exact = x.To(DType.Float64).Mean(0).ToArray<double>();
        for (int i = 0; i < mean.Length; i++)
            Assert.True(Math.Abs(mean[i] - exact[i]) <= 1e-7 * exact[i], $"line {i}: {mean[i]:R}, float64 {exact[i]:R}");
    }

    [Fact]
    public void Mean_GradientIsOneOverCount()
    {
        var x = TN.Ones(DType.Float64, 2, 4).RequiringGrad();
        x.Mean(1).Sum().Backward();
        Assert.All(x.Grad!.ToArray<double>(), g => Assert.Equal(0.25, g));
    }

    [Fact]
    public void Mean_OfAnEmptyAxisIsNaN()
        => Assert.True(double.IsNaN(TN.Zeros(0, 3).Mean().Item()));

    [Fact]
    public void Mean_DoesNotModifyItsInputWhenNothingIsReduced()
    {
        var x = TN.Tensor(new[] { 4.0, 6.0 }, 2, 1);
        Tensor m = x.Mean(1);
        Assert.Equal([4.0, 6.0], m.ToArray<double>());
        Assert.Equal([4.0, 6.0], x.ToArray<double>());
    }

    [Fact]
    public void Mean_ThrowsForAxisOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Mean(2));
        Assert.Contains("Mean", e.Message);
        Assert.Contains("axis 2", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Mean_OfA0dTensorAlongAxis0OrMinus1IsItsValue(int axis)
    {
        Tensor x = TN.Scalar(-2.5, DType.Float64).RequiringGrad();
        foreach (Tensor m in new[] { x.Mean(axis), x.Mean(axis, keepDim: true), x.Mean([axis]) })
        {
            Assert.Empty(m.Dims);
            Assert.Equal(-2.5, m.Item());
        }
        x.Mean(axis).Backward();
        Assert.Equal(1.0, x.Grad!.Item());
    }

    /// <summary>PyTorch 1.13 takes dim 0 or -1 on a 0-d tensor for its reductions and refuses every other dim.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void Reductions_OfA0dTensorThrowForAxesOtherThan0OrMinus1NamingTheOp(int axis)
    {
        Tensor scalar = TN.Scalar(3.0, DType.Float64);
        (string Op, Action Call)[] calls =
        [
            ("Sum", () => scalar.Sum(axis)), ("Mean", () => scalar.Mean(axis)), ("Norm", () => scalar.Norm([axis])),
            ("Max", () => scalar.Max(axis)), ("Min", () => scalar.Min(axis)), ("ArgMax", () => scalar.ArgMax(axis)),
            ("ArgMin", () => scalar.ArgMin(axis)), ("LogSumExp", () => scalar.LogSumExp(axis)),
        ];
        foreach (var (op, call) in calls)
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.StartsWith($"{op}: axis {axis} ", e.Message);
            Assert.Contains("0-d tensor", e.Message);
            Assert.Contains("0 or -1", e.Message);
        }
    }

    [Fact]
    public void Reductions_OfA0dTensorThrowForAxis0AndMinus1Together()
    {
        Tensor scalar = TN.Scalar(3.0, DType.Float64);
        Assert.Contains("Sum: axis -1 is repeated in [0, -1]", Assert.Throws<ArgumentException>(() => scalar.Sum([0, -1])).Message);
        Assert.Contains("Mean: axis 0 is repeated in [0, 0]", Assert.Throws<ArgumentException>(() => scalar.Mean([0, 0])).Message);
    }

    [Fact]
    public void AxisArguments_OnA0DTensor_SayItHasNoAxes()
    {
        Exception e = Assert.ThrowsAny<ArgumentException>(() => TN.Scalar(3.0, DType.Float64).Size(0));
        Assert.Contains("a 0-d tensor has no axes", e.Message);
        Assert.DoesNotContain("0..-1", e.Message);
    }
}
