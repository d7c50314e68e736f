namespace TensorNetworks.Tests.Tensors;

public class TensorInPlaceTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void InPlaceUpdates_ComputeTheirFormulas(DType dtype)
    {
        Tensor t = TN.Tensor(new double[] { 1, 2, 3, 4 }, 2, 2).To(dtype);
        Tensor other = TN.Tensor(new double[] { 10, 20, 30, 40 }, 2, 2).To(dtype);
        t.AddInPlace(other, 0.5);
        Assert.Equal([6.0, 12, 18, 24], t.ToArray<double>());
        t.ScaleInPlace(-2);
        Assert.Equal([-12.0, -24, -36, -48], t.ToArray<double>());
        t.CopyFrom(other);
        Assert.Equal(other.ToArray<double>(), t.ToArray<double>());
        t.FillInPlace(7);
        Assert.All(t.ToArray<double>(), v => Assert.Equal(7.0, v));
    }

    [Theory]
    [InlineData(DType.Float32, 0, 1)]
    [InlineData(DType.Float64, 1, 0)]
    [InlineData(DType.Float64, 2, 2)]
    [InlineData(DType.Float64, -1, -3)]
    public void SetNarrow_WritesTheRangeAndNothingElse(DType dtype, int axis, int start)
    {
        var gen = new Generator(4);
        Tensor t = TN.Randn(gen, DType.Float64, 3, 4, 5).To(dtype);
        int a = axis < 0 ? axis + 3 : axis, s = start < 0 ? start + t.Size(a) : start;
        int[] valueDims = [3, 4, 5];
        valueDims[a] = 2;
        Tensor values = TN.Randn(gen, DType.Float64, valueDims).To(dtype);
        double[] before = t.ToArray<double>();

        t.SetNarrow(axis, start, values);

        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 5; k++)
                {
                    int[] index = [i, j, k];
                    int offset = index[a] - s;
                    if (offset >= 0 && offset < 2)
                    {
                        index[a] = offset;
                        Assert.Equal(values[index], t[i, j, k]);
                    }
                    else Assert.Equal(before[(i * 4 + j) * 5 + k], t[i, j, k]);
                }
    }

    [Fact]
    public void SetNarrow_RefusesValuesThatDoNotFit()
    {
        Tensor t = TN.Zeros(DType.Float64, 3, 4);
        Assert.Contains("every extent but axis 0's must match", Assert.Throws<ArgumentException>(() => t.SetNarrow(0, 0, TN.Zeros(DType.Float64, 1, 3))).Message);
        Assert.Contains("dtype Float32", Assert.Throws<ArgumentException>(() => t.SetNarrow(0, 0, TN.Zeros(DType.Float32, 1, 4))).Message);
        Assert.Contains("valid starts are -3..1", Assert.Throws<ArgumentOutOfRangeException>(() => t.SetNarrow(0, 2, TN.Zeros(DType.Float64, 2, 4))).Message);
        Tensor w = TN.Zeros(DType.Float64, 3, 4).RequiringGrad();
        Assert.Throws<InvalidOperationException>(() => w.SetNarrow(1, 0, TN.Ones(DType.Float64, 3, 2)));
        using (TN.NoGrad()) w.SetNarrow(1, 0, TN.Ones(DType.Float64, 3, 2));
        Assert.Equal(6.0, w.Sum().Item());
    }

    [Fact]
    public void ElementSetter_WritesInPlaceAndViewsSeeIt()
    {
        Tensor t = TN.Zeros(DType.Float32, 2, 3);
        Tensor flat = t.Reshape(6);
        t[1, -1] = 2.5;
        Assert.Equal(2.5, flat[5]);
        Assert.Equal(2.5, t[1, 2]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t[2, 0] = 1);
        Assert.Contains("valid: -2 to 1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => t[0, 3]);
        Assert.Throws<ArgumentException>(() => t[0]);
        Tensor w = TN.Zeros(DType.Float64, 2).RequiringGrad();
        Assert.Throws<InvalidOperationException>(() => w[0] = 1);
    }

    [Fact]
    public void ElementSetter_AfterAnOpRecordedTheTensor_MakesBackwardThrow()
    {
        Tensor w = TN.Tensor(new double[] { 1, 2 }, 2).RequiringGrad();
        Tensor x = TN.Tensor(new double[] { 3, 4 }, 2);
        Tensor loss = (w * x).Sum();
        x[0] = 5;
        Assert.Throws<InvalidOperationException>(() => loss.Backward());
    }

    [Fact]
    public void InPlace_ThrowsOnATensorRequiringGradWhileRecording()
    {
        Tensor w = TN.Ones(3).RequiringGrad();
        var e = Assert.Throws<InvalidOperationException>(() => w.ScaleInPlace(2));
        Assert.Contains("TN.NoGrad()", e.Message);
        using (TN.NoGrad()) w.ScaleInPlace(2);
        Assert.Equal(2.0, w[0]);
    }

    [Fact]
    public void InPlace_ThrowsForShapeOrDTypeMismatch()
    {
        Tensor t = TN.Zeros(2, 3);
        Assert.Contains("[3, 2]", Assert.Throws<ArgumentException>(() => t.AddInPlace(TN.Zeros(3, 2))).Message);
        Assert.Contains("Float64", Assert.Throws<ArgumentException>(() => t.CopyFrom(TN.Zeros(2, 3).To(DType.Float64))).Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AllFinite_DetectsEachNonFiniteValue(double bad)
    {
        var values = new double[1000];
        Assert.True(TN.Tensor(values, 1000).AllFinite());
        values[777] = bad;
        Assert.False(TN.Tensor(values, 1000).AllFinite());
        Assert.False(TN.Tensor(values, 1000).To(DType.Float32).AllFinite());
    }
}
