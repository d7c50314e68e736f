using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TuckerTensorTests
{
    private static TuckerTensor Random(ulong seed, DType dtype, int[] shape, int[] ranks)
    {
        var g = new Generator(seed);
        return new TuckerTensor(TN.Randn(g, dtype, ranks), [.. shape.Select((d, k) => TN.Randn(g, dtype, d, ranks[k]))]);
    }

    private static TuckerTensor Orthonormal(ulong seed, int[] shape, int[] ranks)
    {
        var g = new Generator(seed);
        return new TuckerTensor(TN.Randn(g, DType.Float64, ranks), [.. shape.Select((d, k) => TN.Linalg.Qr(TN.Randn(g, DType.Float64, d, ranks[k])).Q)]);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ToDenseAndIndexer_MatchElementLoop(DType dtype)
    {
        TuckerTensor t = Random(11, dtype, [3, 4, 2], [2, 3, 2]);
        Tensor dense = t.ToDense();
        double tol = dtype == DType.Float32 ? 1e-4 : 1e-12;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 2; k++)
                {
                    double expected = 0;
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 3; b++)
                            for (int c = 0; c < 2; c++)
                                expected += t.Core[a, b, c] * t.Factors[0][i, a] * t.Factors[1][j, b] * t.Factors[2][k, c];
                    Assert.Equal(expected, dense[i, j, k], tol);
                    Assert.Equal(expected, t[i, j, k], tol);
                }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NormAndInner_EqualDenseComputations(bool orthonormal)
    {
        TuckerTensor a = orthonormal ? Orthonormal(12, [5, 4, 6], [2, 3, 2]) : Random(12, DType.Float64, [5, 4, 6], [2, 3, 2]);
        TuckerTensor b = Random(13, DType.Float64, [5, 4, 6], [3, 2, 2]);
        Tensor da = a.ToDense(), db = b.ToDense();
        double scale = da.Norm().Item() * db.Norm().Item();
        Assert.Equal(1, a.Norm() / da.Norm().Item(), 1e-12);
        double inner = (da * db).Sum().Item();
        Assert.Equal(inner, a.Inner(db), 1e-12 * scale);
        Assert.Equal(inner, a.Inner(b), 1e-12 * scale);
    }

    [Fact]
    public void Norm_WithOrthonormalFactorsIsTheCoreNorm()
    {
        TuckerTensor t = Orthonormal(14, [6, 5, 4], [3, 2, 2]);
        Assert.Equal(t.Core.Norm().Item(), t.Norm(), 1e-12);
    }

    [Fact]
    public void ToNetwork_ContractsToDense()
    {
        TuckerTensor t = Random(15, DType.Float64, [3, 4, 5], [2, 2, 3]);
        TensorNetwork net = t.ToNetwork();
        Assert.Equal(["G", "U0", "U1", "U2"], net.Cores.Select(c => c.Name));
        Assert.Equal(["r0", "r1", "r2"], net["G"].Legs);
        Tensor contracted = net.Contract("p0", "p1", "p2");
        Assert.Equal(t.ToDense().ToArray<double>(), contracted.ToArray<double>(), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Counts_FollowTheFormat()
    {
        TuckerTensor t = Random(16, DType.Float64, [12, 10, 8], [3, 4, 2]);
        Assert.Equal(new[] { 3, 4, 2 }, t.Ranks.ToArray());
        Assert.Equal(new[] { 12, 10, 8 }, t.Shape.ToArray());
        Assert.Equal(24 + 36 + 40 + 16, t.ParameterCount);
        Assert.Equal(960.0 / 116, t.CompressionRatio, 1e-12);
    }

    [Fact]
    public void Constructor_ThrowsForFactorWithWrongColumnCount()
    {
        var e = Assert.Throws<ArgumentException>(() => new TuckerTensor(TN.Zeros(DType.Float64, 2, 3), [TN.Zeros(DType.Float64, 4, 2), TN.Zeros(DType.Float64, 5, 4)]));
        Assert.Contains("factors[1]", e.Message);
        Assert.Contains("[5, 4]", e.Message);
        Assert.Contains("extent 3", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForWrongFactorCount()
    {
        var e = Assert.Throws<ArgumentException>(() => new TuckerTensor(TN.Zeros(DType.Float64, 2, 3), [TN.Zeros(DType.Float64, 4, 2)]));
        Assert.Contains("needs 2 factors, got 1", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForZeroRank()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TuckerTensor(TN.Zeros(DType.Float64, 2, 0), [TN.Zeros(DType.Float64, 4, 2), TN.Zeros(DType.Float64, 5, 0)]));
        Assert.Contains("got 0", e.Message);
    }
}
