namespace TensorNetworks.Tests.Linalg;

public sealed class GramTests
{
    // Mode 0 with at most 16 rows: chunked dot products ([3, 40], [3, 4, 40]); [20, 36], mode 0: one GEMM;
    // [2, 5, 33], mode 1: one GEMM per block; [2, 40, 3], mode 1: narrow blocks (Q = 3), so the unfolding;
    // the last mode: Yᵀ·Y; from 128 rows ([130, 40], [40, 130], [2, 129, 33]) the lower block triangle only.
    private static readonly int[][] Shapes = [[2, 3, 4], [3, 4, 40], [2, 5, 33], [40, 3], [3, 40], [20, 36], [2, 40, 3], [3, 1, 2, 2], [7], [130, 40], [40, 130], [2, 129, 33]];

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Gram_EqualsTheUnfoldingTimesItsTranspose(DType dtype)
    {
        var g = new Generator(131);
        foreach (int[] shape in Shapes)
        {
            Tensor x = TN.Randn(g, dtype, shape);
            for (int mode = 0; mode < shape.Length; mode++)
            {
                Tensor gram = TN.Linalg.Gram(x, mode);
                Tensor unfolded = TN.Linalg.Unfold(x, mode);
                int size = shape[mode], cols = unfolded.Size(1);
                Assert.Equal([size, size], gram.Shape.ToArray());
                Assert.Equal(dtype, gram.DType);
                double[] u = unfolded.ToArray<double>();
                double[] expected = MatrixAssert.Multiply(u, size, cols, MatrixAssert.Transpose(u, size, cols), size);
                MatrixAssert.Close(expected, gram.ToArray<double>(), MatrixAssert.Tolerance(dtype) * cols, $"[{string.Join(", ", shape)}] mode {mode}");
            }
        }
    }

    /// <summary>Float64 shapes of the small-matrix kernel (<c>SmallGram</c>): whole blocks of four rows and four columns, a last
    /// partial block of rows or columns, the smallest and the largest sizes it takes.</summary>
    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 7)]
    [InlineData(8, 160)]
    [InlineData(40, 160)]
    [InlineData(43, 161)]
    [InlineData(64, 2048)]
    public void Gram_OfASmallFloat64Matrix_EqualsTheProduct_AndIsExactlySymmetric(int rows, int cols)
    {
        Assert.True(SmallGram.Suits(rows, cols) || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated);
        Tensor x = TN.Randn(new Generator((ulong)(rows * 10000 + cols)), DType.Float64, rows, cols);
        double[] gram = TN.Linalg.Gram(x, 0).ToArray<double>(), u = x.ToArray<double>();
        double[] expected = MatrixAssert.Multiply(u, rows, cols, MatrixAssert.Transpose(u, rows, cols), rows);
        MatrixAssert.Close(expected, gram, MatrixAssert.Tolerance(DType.Float64) * cols, $"[{rows}, {cols}]");
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < i; j++)
            Assert.Equal(gram[i * rows + j], gram[j * rows + i]);
    }

    /// <summary>Float64 shapes of the small kernel's last-mode variant (Yᵀ·Y, <c>SmallGram.MultiplyColumns</c>): whole blocks,
    /// a last partial block of rows and columns, an odd number of rows of Y (the unpaired last one), the extreme sizes.</summary>
    [Theory]
    [InlineData(4, 4)]
    [InlineData(7, 5)]
    [InlineData(160, 40)]
    [InlineData(161, 39)]
    [InlineData(2048, 13)]
    public void Gram_OfTheLastModeOfASmallFloat64Matrix_EqualsTheProduct_AndIsExactlySymmetric(int rows, int cols)
    {
        Assert.True(SmallGram.SuitsColumns(rows, cols) || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated);
        Tensor y = TN.Randn(new Generator((ulong)(rows * 10000 + cols)), DType.Float64, rows, cols);
        double[] gram = TN.Linalg.Gram(y, 1).ToArray<double>(), u = y.ToArray<double>();
        double[] expected = MatrixAssert.Multiply(MatrixAssert.Transpose(u, rows, cols), cols, rows, u, cols);
        MatrixAssert.Close(expected, gram, MatrixAssert.Tolerance(DType.Float64) * rows, $"[{rows}, {cols}]");
        for (int i = 0; i < cols; i++)
        for (int j = 0; j < i; j++)
            Assert.Equal(gram[i * cols + j], gram[j * cols + i]);
    }

    /// <summary>Shapes whose Gram OpenBLAS computes as k-blocks on the cores (<c>GemmSplit.RunGram</c>): 2 and 3 blocks, the
    /// last one shorter, for the first mode (A as stored) and the last mode (Aᵀ).</summary>
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Gram_OfALongUnfoldingSplitIntoBlocks_EqualsTheProduct(DType dtype)
    {
        var g = new Generator(133);
        foreach ((int[] shape, int mode) in new[] { (new[] { 16, 4100 }, 0), (new[] { 24, 3001 }, 0), (new[] { 3001, 24 }, 1), (new[] { 3, 1000, 24 }, 2) })
        {
            Tensor x = TN.Randn(g, dtype, shape);
            Tensor gram = TN.Linalg.Gram(x, mode);
            double[] u = TN.Linalg.Unfold(x, mode).ToArray<double>();
            int size = shape[mode], cols = u.Length / size;
            double[] expected = MatrixAssert.Multiply(u, size, cols, MatrixAssert.Transpose(u, size, cols), size);
            MatrixAssert.Close(expected, gram.ToArray<double>(), MatrixAssert.Tolerance(dtype) * 10, $"[{string.Join(", ", shape)}] mode {mode}");
            double[] values = gram.ToArray<double>();
            for (int i = 0; i < size; i++)
            for (int j = 0; j < i; j++)
                Assert.Equal(values[i * size + j], values[j * size + i]);
        }
    }

    [Fact]
    public void Gram_OfAnEmptyTensorIsZero()
    {
        Tensor gram = TN.Linalg.Gram(TN.Zeros(DType.Float32, 3, 0, 2), 0);
        Assert.Equal([3, 3], gram.Shape.ToArray());
        Assert.Equal(DType.Float32, gram.DType);
        Assert.All(gram.ToArray<double>(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Gram_ThrowsForABadModeOrARecordedGradient()
    {
        Tensor x = TN.Randn(new Generator(132), DType.Float64, 2, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Linalg.Gram(x, 2));
        Assert.Contains("0..1", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        var grad = Assert.Throws<InvalidOperationException>(() => TN.Linalg.Gram(x.Detach().RequiringGrad(), 0));
        Assert.Contains("Detach()", grad.Message);
    }
}
