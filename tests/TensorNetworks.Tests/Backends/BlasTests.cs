using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>Every <see cref="IBlas"/> implementation against the naive reference, both dtypes.</summary>
public sealed class BlasTests
{
    private static readonly DType[] DTypes = [DType.Float32, DType.Float64];

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_MatchesReferenceOnSeededRandomShapes(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(11);
        for (int trial = 0; trial < 24; trial++)
        {
            int m = 1 + g.NextInt(40), n = 1 + g.NextInt(40), k = 1 + g.NextInt(40);
            foreach (DType dtype in DTypes)
                GemmReference.Check(blas, dtype, g.NextInt(2) == 1, g.NextInt(2) == 1, m, n, k, 1, 0, g);
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_HandlesAllTransposeCombinationsWithAlphaBetaAndPadding(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(12);
        foreach (DType dtype in DTypes)
        foreach (bool ta in new[] { false, true })
        foreach (bool tb in new[] { false, true })
        {
            GemmReference.Check(blas, dtype, ta, tb, 13, 17, 29, 1, 0, g);
            GemmReference.Check(blas, dtype, ta, tb, 37, 41, 43, -0.5, 2, g, pad: 3);
            GemmReference.Check(blas, dtype, ta, tb, 70, 35, 90, 1.5, 1, g, pad: 1);
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_HandlesDegenerateShapes(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(13);
        foreach (DType dtype in DTypes)
        {
            GemmReference.Check(blas, dtype, false, false, 1, 1, 1, 1, 0, g);
            GemmReference.Check(blas, dtype, true, true, 1, 1, 1, 2, 3, g);
            GemmReference.Check(blas, dtype, false, false, 5, 7, 0, 1, 0, g);
            GemmReference.Check(blas, dtype, false, true, 5, 7, 0, 1, 0.5, g);
            GemmReference.Check(blas, dtype, false, false, 0, 7, 3, 1, 0, g);
            GemmReference.Check(blas, dtype, false, false, 4, 0, 3, 1, 0, g);
            GemmReference.Check(blas, dtype, false, false, 1, 300, 1, 1, 0, g);
            GemmReference.Check(blas, dtype, true, false, 300, 1, 2, 1, 0, g);
            GemmReference.Check(blas, dtype, false, false, 64, 64, 64, 0, 0.5, g);
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_HandlesSizesStraddlingBlockEdges(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(14);
        int[][] shapes =
        [
            [5, 15, 383], [6, 16, 384], [7, 17, 385], [143, 33, 9], [145, 31, 11], [11, 47, 769],
            [97, 8, 257], [95, 9, 255], [13, 3073, 5],
        ];
        foreach (int[] s in shapes)
        foreach (DType dtype in DTypes)
            GemmReference.Check(blas, dtype, g.NextInt(2) == 1, g.NextInt(2) == 1, s[0], s[1], s[2], 1, 0, g);
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_MatchesReferenceOnParallelSizes(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(15);
        Assert.True(131L * 97 * 90 >= PackedGemm<float>.ParallelWork);
        GemmReference.Check(blas, DType.Float32, false, false, 131, 97, 90, 1, 0, g);
        GemmReference.Check(blas, DType.Float64, true, true, 100, 120, 80, 0.5, 1, g, pad: 2);
        GemmReference.Check(blas, DType.Float32, true, false, 50, 40, 500, 1, 0, g);
        GemmReference.Check(blas, DType.Float64, false, true, 149, 103, 61, 1, 0, g);
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_MatchesReferenceOnShapesSplitIntoBlocks(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(17);
        int[][] shapes = [[600, 40, 30], [45, 700, 20], [20, 10, 4000], [9, 3, 30000]];
        foreach (int[] s in shapes)
        foreach (bool ta in new[] { false, true })
        foreach (bool tb in new[] { false, true })
        {
            GemmReference.Check(blas, DType.Float32, ta, tb, s[0], s[1], s[2], 1, 0, g);
            GemmReference.Check(blas, DType.Float64, ta, tb, s[0], s[1], s[2], -0.5, 2, g, pad: 3);
        }
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_MatchesReferenceOnThinInnerExtents(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var g = new Generator(18);
        int[][] shapes = [[600, 37, 7], [61, 100, 10], [4096, 64, 8], [64, 4096, 8], [13, 1000, 8], [130, 16, 16], [2100, 17, 1], [1003, 9, 5]];
        foreach (int[] s in shapes)
        foreach (bool ta in new[] { false, true })
        foreach (bool tb in new[] { false, true })
        {
            GemmReference.Check(blas, DType.Float32, ta, tb, s[0], s[1], s[2], 1, 0, g);
            GemmReference.Check(blas, DType.Float64, ta, tb, s[0], s[1], s[2], -0.5, 2, g, pad: 3);
        }
        Assert.True(ThinGemm.Suits<float>(600, 37, 7) || !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);
    }

    [Fact]
    public void GemmSplit_SplitsMidSizedProductsOnly()
    {
        Assert.True(GemmSplit.BlocksFor(600, 40, 30, cores: 2) > 1);
        Assert.True(GemmSplit.BlocksFor(45, 700, 20, cores: 2) > 1);
        Assert.True(GemmSplit.BlocksFor(20, 10, 4000, cores: 2) > 1);
        Assert.Equal(GemmSplit.BlocksFor(20, 10, 4000, cores: 2), GemmSplit.BlocksFor(20, 10, 4000, cores: 16));
        Assert.Equal(1, GemmSplit.BlocksFor(600, 40, 30, cores: 1));
        Assert.Equal(1, GemmSplit.BlocksFor(30, 30, 30, cores: 2));
        Assert.Equal(1, GemmSplit.BlocksFor(1024, 1024, 1024, cores: 2));
        Assert.True(GemmSplit.BlocksFor(40000, 20, 200, cores: 2) > 1);
        Assert.True(GemmSplit.BlocksFor(200, 20, 40000, cores: 2) > 1);
    }

    [Fact]
    public void GemmSplit_SplitsLargeGramsAlongTheirInnerExtent_ByShapeOnly()
    {
        Assert.Equal(4, GemmSplit.GramBlocksFor(64, 16384, cores: 2));
        Assert.Equal(GemmSplit.GramBlocksFor(64, 16384, cores: 2), GemmSplit.GramBlocksFor(64, 16384, cores: 16));
        Assert.Equal(2, GemmSplit.GramBlocksFor(16, 4100, cores: 2));
        Assert.Equal(1, GemmSplit.GramBlocksFor(64, 16384, cores: 1));
        Assert.Equal(1, GemmSplit.GramBlocksFor(16, 4000, cores: 2));
    }

    [Theory]
    [MemberData(nameof(BlasBackends.BlasNames), MemberType = typeof(BlasBackends))]
    public void Gemm_ThrowsForTooSmallLeadingDimensionOrSpan(string backend)
    {
        IBlas blas = BlasBackends.Blas(backend);
        var a = new double[6];
        var b = new double[6];
        var c = new double[4];
        var e = Assert.Throws<ArgumentException>(() => blas.Gemm(false, false, 2, 2, 3, 1.0, a, 2, b, 2, 0.0, c, 2));
        Assert.Contains("lda = 2", e.Message);
        Assert.Contains(">= 3", e.Message);
        e = Assert.Throws<ArgumentException>(() => blas.Gemm(false, false, 2, 2, 3, 1.0, a, 3, b, 2, 0.0, new double[3], 2));
        Assert.Contains("C has 3 elements", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => blas.Gemm(false, false, -1, 2, 3, 1.0, a, 3, b, 2, 0.0, c, 2));
    }

    [Fact]
    public void Gemm_ManagedAndOpenBlasAgreeOnALargeProduct()
    {
        if (!BlasBackends.OpenBlasLoaded) return;
        var g = new Generator(16);
        int m = 257, n = 190, k = 333;
        float[] a = GemmReference.ToFloat(GemmReference.Random(g, m * k)), b = GemmReference.ToFloat(GemmReference.Random(g, k * n));
        float[] managed = new float[m * n], native = new float[m * n];
        new ManagedBlas().Gemm(false, true, m, n, k, 1f, a, k, b, k, 0f, managed, n);
        new OpenBlasBlas().Gemm(false, true, m, n, k, 1f, a, k, b, k, 0f, native, n);
        GemmReference.AssertClose(GemmReference.ToDouble(native), GemmReference.ToDouble(managed), k, 1e-5, "managed vs openblas");
    }
}
