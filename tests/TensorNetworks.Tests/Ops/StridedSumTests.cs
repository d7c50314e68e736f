namespace TensorNetworks.Tests.Ops;

public sealed class StridedSumTests
{
    /// <summary>(outer, extent, inner): rows of 2 to 15 elements (SIMD lanes over contiguous blocks), of 16 and more
    /// (panels, one of 512 columns and a remainder at 600), extents of one block and of several (a block is about
    /// 64K elements), odd sizes, a single row.</summary>
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 2 }, { 3, 5, 2 }, { 2, 7, 3 }, { 1, 33, 5 }, { 4, 17, 7 }, { 1, 300, 8 }, { 2, 101, 15 },
        { 1, 40_000, 3 }, { 2, 70_000, 2 }, { 1, 9, 16 }, { 3, 13, 17 }, { 2, 5, 600 }, { 1, 700, 100 },
        { 2, 300, 512 }, { 1, 2, 70_000 }, { 5, 1, 33 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sum_AlongAStridedAxisMatchesNaiveDoubleSums(int outer, int extent, int inner)
    {
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
        {
            Tensor x = TN.Randn(new Generator((ulong)(outer * 7 + extent + inner)), dtype, outer, extent, inner);
            double[] v = x.To(DType.Float64).ToArray<double>(), expected = NaiveSums(v, outer, extent, inner);

            double[] sum = x.Sum(1).To(DType.Float64).ToArray<double>();

            Assert.Equal(outer * inner, sum.Length);
            for (int i = 0; i < sum.Length; i++)
            {
                double tolerance = dtype == DType.Float32 ? Math.Max(Math.Abs(expected[i]), 1) * 1.2e-7 : 1e-12 * Math.Sqrt(extent);
                Assert.True(Math.Abs(sum[i] - expected[i]) <= tolerance, $"{dtype} output {i}: {sum[i]:R}, naive {expected[i]:R}");
            }
        }
    }

    /// <summary>Rows of 16 or more elements within one block add each column in row order: the bits of a running sum in
    /// double; over several blocks, the block sums added in block order. Both depend on the shape alone, not on the
    /// cores that ran the blocks.</summary>
    [Theory]
    [InlineData(1, 100, 16)]
    [InlineData(3, 50, 600)]
    [InlineData(1, 1000, 100)]
    [InlineData(2, 2048, 512)]
    public void Sum_OfWideRowsGivesTheBitsOfRunningSumsPerBlock(int outer, int extent, int inner)
    {
        Tensor x = TN.Randn(new Generator(5), DType.Float64, outer, extent, inner) * 1e3;
        double[] v = x.ToArray<double>();
        int rowsPerBlock = Math.Max(64, (1 << 16) / Math.Min(inner, 512) & ~63);
        var expected = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                double total = 0;
                for (int first = 0; first < extent; first += rowsPerBlock)
                {
                    double block = 0;
                    for (int k = first; k < Math.Min(extent, first + rowsPerBlock); k++) block += v[(o * extent + k) * inner + i];
                    total = first == 0 ? block : total + block;
                }
                expected[o * inner + i] = total;
            }

        double[] sum = x.Sum(1).ToArray<double>();

        for (int i = 0; i < sum.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(sum[i]), $"output {i}: {sum[i]:R}, expected {expected[i]:R}");
    }

    /// <summary>Short groups (a few rows of 2 to 15 elements per outer index, as in pooling images by small blocks) are
    /// summed per column in row order in double and rounded once: the bits of a running double sum, whatever the split
    /// of the many outer indices across the cores.</summary>
    [Theory]
    [InlineData(20_000, 2, 14, DType.Float32)]
    [InlineData(9_000, 3, 5, DType.Float32)]
    [InlineData(7_001, 1, 2, DType.Float64)]
    [InlineData(5_000, 1, 15, DType.Float64)]
    [InlineData(3_000, 7, 9, DType.Float32)]
    public void Sum_OfShortGroupsGivesTheBitsOfRunningDoubleSums(int outer, int extent, int inner, DType dtype)
    {
        Tensor x = TN.Randn(new Generator(6), dtype, outer, extent, inner) * 1e3;
        double[] v = x.ToArray<double>();
        var expected = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                double total = 0;
                for (int k = 0; k < extent; k++) total += v[(o * extent + k) * inner + i];
                expected[o * inner + i] = dtype == DType.Float32 ? (float)total : total;
            }

        double[] sum = x.Sum(1).ToArray<double>();

        for (int i = 0; i < sum.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(sum[i]), $"output {i}: {sum[i]:R}, expected {expected[i]:R}");
    }

    [Theory]
    [InlineData(2_000_000, 2)]
    [InlineData(300_000, 3)]
    [InlineData(8, 100_000)]
    public void Sum_AlongAStridedAxisRepeatsItsBitsAcrossCalls(int extent, int inner)
    {
        Tensor x = TN.Rand(new Generator(6), DType.Float32, extent, inner);
        float[] first = x.Sum(0).ToArray<float>();
        for (int call = 0; call < 10; call++) Assert.Equal(first, x.Sum(0).ToArray<float>());
    }

    [Fact]
    public void Sum_AlongAStridedAxisOfFloat32TinyTermsBesideAOneKeepsThem()
    {
        // A float32 running sum of 1 + 4095 · 2⁻²⁵ loses every term; in double the line is 1 + 4095 · 2⁻²⁵ rounded once.
        foreach (int inner in new[] { 2, 5, 16, 40 })
        {
            var values = new float[4096 * inner];
            for (int k = 0; k < 4096; k++)
                for (int i = 0; i < inner; i++) values[k * inner + i] = k == i ? 1f : MathF.ScaleB(1, -25);
            float[] sum = TN.Tensor(values, 4096, inner).Sum(0).ToArray<float>();
            for (int i = 0; i < inner; i++) Assert.Equal((float)(1 + 4095 * Math.ScaleB(1, -25)), sum[i]);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(64)]
    public void Sum_AlongAStridedAxisPropagatesNaNAndInfinity(int inner)
    {
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
        {
            double[] values = new double[300 * inner];
            values[17 * inner] = double.NaN;
            values[40 * inner + 1] = double.PositiveInfinity;
            double[] sum = TN.Tensor(values, 300, inner).To(dtype).Sum(0).To(DType.Float64).ToArray<double>();
            Assert.True(double.IsNaN(sum[0]));
            Assert.Equal(double.PositiveInfinity, sum[1]);
            for (int i = 2; i < inner; i++) Assert.Equal(0.0, sum[i]);
        }
    }

    [Fact]
    public void Sum_AlongAnEmptyStridedAxisIsZero()
    {
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
        {
            Tensor sum = TN.Zeros(dtype, 3, 0, 4).Sum(1);
            Assert.Equal([3, 4], sum.Shape.ToArray());
            Assert.All(sum.To(DType.Float64).ToArray<double>(), s => Assert.Equal(0.0, s));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public void MeanAndNorm_AlongAStridedAxisMatchNaiveLoops(int inner)
    {
        Tensor x = TN.Randn(new Generator(8), DType.Float64, 3, 200, inner);
        double[] v = x.ToArray<double>(), sums = NaiveSums(v, 3, 200, inner), squares = NaiveSums([.. v.Select(e => e * e)], 3, 200, inner);
        double[] mean = x.Mean(1).ToArray<double>(), norm = x.Norm([1]).ToArray<double>();
        for (int i = 0; i < sums.Length; i++)
        {
            Assert.Equal(sums[i] / 200, mean[i], 12);
            Assert.Equal(Math.Sqrt(squares[i]), norm[i], 12);
        }
    }

    private static double[] NaiveSums(double[] v, int outer, int extent, int inner)
    {
        var sums = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < extent; k++)
                for (int i = 0; i < inner; i++) sums[o * inner + i] += v[(o * extent + k) * inner + i];
        return sums;
    }
}
