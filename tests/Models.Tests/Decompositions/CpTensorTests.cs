using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class CpTensorTests
{
    private static CpTensor Random(ulong seed, DType dtype, int[] shape, int rank)
    {
        var g = new Generator(seed);
        return new CpTensor(TN.Randn(g, dtype, rank), [.. shape.Select(d => TN.Randn(g, dtype, d, rank))]);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ToDense_MatchesSumOfOuterProducts(DType dtype)
    {
        CpTensor cp = Random(1, dtype, [3, 4, 2], 2);
        Tensor dense = cp.ToDense();
        Assert.Equal(new[] { 3, 4, 2 }, dense.Shape.ToArray());
        Assert.Equal(dtype, dense.DType);
        double[] l = cp.Weights.ToArray<double>();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 2; k++)
                {
                    double expected = 0;
                    for (int r = 0; r < 2; r++) expected += l[r] * cp.Factors[0][i, r] * cp.Factors[1][j, r] * cp.Factors[2][k, r];
                    Assert.Equal(expected, dense[i, j, k], dtype == DType.Float32 ? 1e-5 : 1e-13);
                    Assert.Equal(expected, cp[i, j, k], dtype == DType.Float32 ? 1e-5 : 1e-13);
                }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void NormAndInner_EqualDenseComputations(DType dtype)
    {
        CpTensor a = Random(2, dtype, [5, 4, 3, 2], 3), b = Random(3, dtype, [5, 4, 3, 2], 2);
        Tensor da = a.ToDense(), db = b.ToDense();
        double tol = dtype == DType.Float32 ? 1e-4 : 1e-12;
        double norm = da.Norm().Item();
        Assert.Equal(1, a.Norm() / norm, tol);
        double inner = (da * db).Sum().Item();
        Assert.Equal(inner, a.Inner(db), tol * norm * db.Norm().Item());
        Assert.Equal(inner, a.Inner(b), tol * norm * db.Norm().Item());
    }

    [Fact]
    public void Unfolding_IsFactorTimesKhatriRaoOfTheOthersInIncreasingOrder()
    {
        // Row-major unfolding: X(n) = An·diag(λ)·(A0 ⊙ … ⊙ An−1 ⊙ An+1 ⊙ … ⊙ AN−1)ᵀ (Kolda & Bader list the others in decreasing order).
        CpTensor cp = Random(9, DType.Float64, [3, 4, 2, 5], 2);
        Tensor dense = cp.ToDense();
        for (int n = 0; n < 4; n++)
        {
            Tensor[] others = [.. cp.Factors.Where((_, m) => m != n)];
            Tensor expected = TN.MatMul(cp.Factors[n] * cp.Weights, TN.Linalg.KhatriRao(others).Transpose(0, 1));
            Assert.Equal(expected.ToArray<double>(), TN.Linalg.Unfold(dense, n).ToArray<double>(), (x, y) => Math.Abs(x - y) < 1e-12);
        }
    }

    [Fact]
    public void ToNetwork_ContractsToDense()
    {
        CpTensor cp = Random(4, DType.Float64, [3, 4, 5], 2);
        TensorNetwork net = cp.ToNetwork();
        Assert.Equal(["lambda", "U0", "U1", "U2"], net.Cores.Select(c => c.Name));
        Assert.Equal(4, net.OwnersOf("r").Count);
        Tensor contracted = net.Contract("p0", "p1", "p2");
        Assert.Equal(cp.ToDense().ToArray<double>(), contracted.ToArray<double>(), (x, y) => Math.Abs(x - y) < 1e-13);
    }

    [Fact]
    public void Counts_FollowTheFormat()
    {
        CpTensor cp = Random(5, DType.Float64, [12, 10, 8], 3);
        Assert.Equal(3, cp.Rank);
        Assert.Equal(3, cp.Order);
        Assert.Equal(new[] { 12, 10, 8 }, cp.Shape.ToArray());
        Assert.Equal(3 + 3 * 30, cp.ParameterCount);
        Assert.Equal(960.0 / 93, cp.CompressionRatio, 1e-12);
    }

    [Fact]
    public void Constructor_WithoutWeightsUsesOnes()
    {
        var g = new Generator(6);
        var cp = new CpTensor([TN.Randn(g, DType.Float32, 2, 3), TN.Randn(g, DType.Float32, 4, 3)]);
        Assert.Equal(new float[] { 1, 1, 1 }, cp.Weights.ToArray<float>());
        Assert.Equal(DType.Float32, cp.DType);
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedColumns()
    {
        var e = Assert.Throws<ArgumentException>(() => new CpTensor([TN.Zeros(DType.Float64, 4, 3), TN.Zeros(DType.Float64, 5, 2)]));
        Assert.Contains("R = 3", e.Message);
        Assert.Contains("factors[1]", e.Message);
        Assert.Contains("[5, 2]", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForWeightsLengthMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => new CpTensor(TN.Ones(DType.Float64, 4), [TN.Zeros(DType.Float64, 4, 3)]));
        Assert.Contains("R = 3", e.Message);
        Assert.Contains("[4]", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForZeroRank()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CpTensor([TN.Zeros(DType.Float64, 4, 0), TN.Zeros(DType.Float64, 5, 0)]));
        Assert.Contains("the rank R (the column count of every factor) must be at least 1, got 0", e.Message);
        Assert.Contains("[4, 0], [5, 0]", e.Message);
        Assert.Equal("factors", e.ParamName);
    }

    [Fact]
    public void Constructor_ThrowsForMixedDTypes()
    {
        var e = Assert.Throws<ArgumentException>(() => new CpTensor([TN.Zeros(DType.Float64, 4, 2), TN.Zeros(DType.Float32, 3, 2)]));
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
    }

    [Fact]
    public void Indexer_ThrowsForOutOfRangeIndex()
    {
        CpTensor cp = Random(7, DType.Float64, [3, 4], 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => cp[1, 4]);
        Assert.Contains("index[1] = 4", e.Message);
        Assert.Contains("[3, 4]", e.Message);
        Assert.Throws<ArgumentException>(() => cp[1]);
    }

    [Fact]
    public void Inner_ThrowsForShapeMismatch()
    {
        CpTensor cp = Random(8, DType.Float64, [3, 4], 2);
        var e = Assert.Throws<ArgumentException>(() => cp.Inner(TN.Zeros(DType.Float64, 4, 3)));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[3, 4]", e.Message);
    }
}
