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
