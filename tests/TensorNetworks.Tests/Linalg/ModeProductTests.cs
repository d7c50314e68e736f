namespace TensorNetworks.Tests.Linalg;

public sealed class ModeProductTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ModeProduct_MatchesElementLoop(DType dtype)
    {
        var g = new Generator(301);
        int[] shape = [3, 4, 2];
        Tensor x = TN.Randn(g, dtype, shape);
        double[] xv = x.ToArray<double>();
        for (int mode = 0; mode < shape.Length; mode++)
        {
            const int j = 5;
            Tensor u = TN.Randn(g, dtype, j, shape[mode]);
            double[] uv = u.ToArray<double>();
            int[] outShape = (int[])shape.Clone();
            outShape[mode] = j;
            var expected = new double[outShape.Aggregate(1, (p, d) => p * d)];
            foreach (int[] index in TensorKernelReference.Indices(outShape))
            {
                double s = 0;
                int[] source = (int[])index.Clone();
                for (int i = 0; i < shape[mode]; i++)
                {
                    source[mode] = i;
                    s += xv[TensorKernelReference.Flat(shape, source)] * uv[index[mode] * shape[mode] + i];
                }
                expected[TensorKernelReference.Flat(outShape, index)] = s;
            }
            Tensor y = TN.Linalg.ModeProduct(x, u, mode);
            Assert.Equal(outShape, y.Shape.ToArray());
            TensorKernelReference.Close(expected, y.ToArray<double>(), dtype == DType.Float32 ? 1e-5 : 1e-13, $"mode {mode}");
        }
    }

    [Fact]
    public void ModeProduct_UnfoldsToMatrixProduct()
    {
        var g = new Generator(302);
        Tensor x = TN.Randn(g, DType.Float64, 3, 4, 2), u = TN.Randn(g, DType.Float64, 6, 4);
        Tensor viaUnfold = TN.MatMul(u, TN.Linalg.Unfold(x, 1));
        TensorKernelReference.Close(viaUnfold.ToArray<double>(), TN.Linalg.Unfold(TN.Linalg.ModeProduct(x, u, 1), 1).ToArray<double>(), 1e-13, "Y(1) = U·X(1)");
    }

    [Fact]
    public void ModeProduct_PassesGradientCheck()
    {
        var g = new Generator(303);
        Tensor x = TN.Randn(g, DType.Float64, 2, 3, 2).RequiringGrad(), u = TN.Randn(g, DType.Float64, 4, 3).RequiringGrad();
        Assert.True(GradCheck.Compare(t => TN.Linalg.ModeProduct(t[0], t[1], 1), [x, u]).Passed);
    }

    [Fact]
    public void ModeProduct_ThrowsForMismatchedMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Linalg.ModeProduct(TN.Zeros(DType.Float64, 4, 6, 3), TN.Zeros(DType.Float64, 5, 7), 1));
        Assert.Contains("[5, 7]", e.Message);
        Assert.Contains("[4, 6, 3]", e.Message);
        Assert.Contains("size 6", e.Message);
    }
}
