using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class TriangularTests
{
    private static double[] NaiveTriangle(Tensor x, int diagonal, bool upper)
    {
        int[] dims = x.Shape.ToArray();
        double[] v = x.ToArray<double>();
        int flat = 0;
        return Naive.Tabulate(dims, index =>
        {
            int i = index[^2], j = index[^1];
            double value = v[flat++];
            return (upper ? j - i >= diagonal : j - i <= diagonal) ? value : 0;
        });
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Triangle_MatchesNaiveOnRandomBatchesAndOffsets(DType dtype)
    {
        Naive.ForRandomTensors(81, 60, dtype, 4, 6, (g, x) =>
        {
            int diagonal = g.NextInt(15) - 7;
            Naive.AssertEqual(x.Triu(diagonal), x.Shape.ToArray(), dtype, NaiveTriangle(x, diagonal, upper: true));
            Naive.AssertEqual(x.Tril(diagonal), x.Shape.ToArray(), dtype, NaiveTriangle(x, diagonal, upper: false));
        }, minOrder: 2);
    }

    [Fact]
    public void Triangle_MatchesNaiveOnTheParallelPath()
    {
        Tensor x = Reference.Randn(82, DType.Float32, 3, 200, 150);
        Naive.AssertEqual(x.Triu(-20), [3, 200, 150], DType.Float32, NaiveTriangle(x, -20, upper: true));
        Naive.AssertEqual(x.Tril(3), [3, 200, 150], DType.Float32, NaiveTriangle(x, 3, upper: false));
    }

    [Fact]
    public void Triangle_ZeroesNaNOutsideAndKeepsEmptyShapes()
    {
        Tensor nan = TN.Full(double.NaN, DType.Float64, 2, 3);
        double[] u = nan.Triu(1).ToArray<double>();
        Assert.Equal([0.0, 0.0, 0.0], new[] { u[0], u[3], u[4] });
        Assert.True(double.IsNaN(u[1]) && double.IsNaN(u[2]) && double.IsNaN(u[5]));
        Assert.Equal(new Shape(0, 3, 3), TN.Zeros(0, 3, 3).Tril().Shape);
        Assert.Equal(new Shape(2, 0), TN.Zeros(2, 0).Triu().Shape);
    }

    [Fact]
    public void Triangle_GradientIsTheTriangleOfTheGradient()
    {
        Tensor x = TN.Ones(DType.Float64, 3, 3).RequiringGrad();
        Tensor w = TN.Arange(1, 10, 1, DType.Float64).Reshape(3, 3);
        (x.Tril(-1) * w).Sum().Backward();
        Assert.Equal([0.0, 0, 0, 4, 0, 0, 7, 8, 0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Triangle_ThrowsBelowTwoAxes()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(3).Triu());
        Assert.Contains("Triu", e.Message);
        Assert.Contains("[3]", e.Message);
        Assert.Contains("Tril", Assert.Throws<ArgumentException>(() => TN.Scalar(1).Tril()).Message);
    }
}
