namespace TensorNetworks.Tests.Linalg;

public sealed class UnfoldTests
{
    private static readonly int[][] Shapes = [[2, 3, 4], [3, 1, 2, 2], [5], [2, 3]];

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Unfold_MatchesElementLoop(DType dtype)
    {
        var g = new Generator(101);
        foreach (int[] shape in Shapes)
        {
            Tensor x = TN.Randn(g, dtype, shape);
            double[] values = x.ToArray<double>();
            for (int mode = 0; mode < shape.Length; mode++)
            {
                Tensor u = TN.Linalg.Unfold(x, mode);
                int cols = values.Length / shape[mode];
                Assert.Equal([shape[mode], cols], u.Shape.ToArray());
                Assert.Equal(dtype, u.DType);
                var expected = new double[values.Length];
                foreach (int[] index in TensorKernelReference.Indices(shape))
                    expected[index[mode] * cols + TensorKernelReference.UnfoldColumn(shape, index, mode)] = values[TensorKernelReference.Flat(shape, index)];
                Assert.Equal(expected, u.ToArray<double>());
            }
        }
    }

    [Fact]
    public void Unfold_UsesRowMajorColumnOrder()
    {
        Tensor x = TN.Arange(24, DType.Float64).Reshape(2, 3, 4);
        Tensor u = TN.Linalg.Unfold(x, 1);
        // x[a, j, c] = 12a + 4j + c lands at column 4a + c of row j.
        Assert.Equal(12 * 1 + 4 * 2 + 3, u[2, 4 * 1 + 3]);
        Assert.Equal(4 * 1 + 1, u[1, 1]);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Fold_InvertsUnfold(DType dtype)
    {
        var g = new Generator(102);
        foreach (int[] shape in Shapes)
        {
            Tensor x = TN.Randn(g, dtype, shape);
            for (int mode = 0; mode < shape.Length; mode++)
            {
                Tensor back = TN.Linalg.Fold(TN.Linalg.Unfold(x, mode), mode, shape);
                Assert.Equal(shape, back.Shape.ToArray());
                Assert.Equal(x.ToArray<double>(), back.ToArray<double>());
            }
        }
    }

    [Fact]
    public void UnfoldAndFold_PassGradientCheck()
    {
        var g = new Generator(103);
        Tensor x = TN.Randn(g, DType.Float64, 2, 3, 4).RequiringGrad();
        Assert.True(GradCheck.Compare(t => TN.Linalg.Unfold(t[0], 1), [x]).Passed);
        Tensor m = TN.Randn(g, DType.Float64, 4, 6).RequiringGrad();
        Assert.True(GradCheck.Compare(t => TN.Linalg.Fold(t[0], 2, [2, 3, 4]), [m]).Passed);
    }

    [Fact]
    public void Unfold_ThrowsForModeOutOfRange()
    {
        Tensor x = TN.Zeros(DType.Float64, 2, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linalg.Unfold(x, 2));
        Assert.Contains("0..1", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void Fold_ThrowsForMismatchedMatrix()
    {
        Tensor m = TN.Zeros(DType.Float64, 3, 7);
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.Fold(m, 1, [2, 3, 4]));
        Assert.Contains("[3, 8]", e.Message);
        Assert.Contains("[3, 7]", e.Message);
    }
}
