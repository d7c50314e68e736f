using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtMatrixTests
{
    private static TtMatrix Planted(ulong seed = 1) => TtMatrix.Random(new Generator(seed), [2, 3, 2], [3, 2, 4], [1, 3, 2, 1]);

    [Fact]
    public void Properties_DescribeTheFormat()
    {
        TtMatrix m = Planted();
        Assert.Equal([12, 24], m.Shape.ToArray());
        Assert.Equal([2, 3, 2], m.RowModes);
        Assert.Equal([3, 2, 4], m.ColumnModes);
        Assert.Equal([1, 3, 2, 1], m.Ranks);
        Assert.Equal(18 + 36 + 16, m.ParameterCount);
        Assert.Equal(288.0 / 70, m.CompressionRatio, 12);
        Assert.Equal(12, m.Rows);
        Assert.Equal(24, m.Columns);
    }

    [Fact]
    public void Properties_OfAMatrixTooLargeToForm_AreComputedWithoutOverflow()
    {
        int[] modes = [.. Enumerable.Repeat(4, 16)];
        TtMatrix m = TtMatrix.Random(new Generator(1), modes, modes, [1, .. Enumerable.Repeat(2, 15), 1]);
        Assert.Equal(1L << 32, m.Rows);
        Assert.Equal(1L << 32, m.Columns);
        Assert.Equal(Math.Pow(2, 64) / m.ParameterCount, m.CompressionRatio, 6);
        Assert.StartsWith("TtMatrix(4294967296 × 4294967296, row modes [4, 4,", m.ToString());
        var e = Assert.Throws<InvalidOperationException>(() => m.Shape);
        Assert.Contains("4294967296 × 4294967296", e.Message);
        Assert.Contains("Rows and Columns", e.Message);
        TtMatrix beyondLong = TtMatrix.Random(new Generator(1), [.. Enumerable.Repeat(1024, 7)], [.. Enumerable.Repeat(1, 7)], [.. Enumerable.Repeat(1, 8)]);
        Assert.StartsWith("TtMatrix(1.18E+21 × 1, row modes", beyondLong.ToString());
    }

    [Fact]
    public void Indexer_MatchesDenseEntries_RowMajorOverTheModes()
    {
        TtMatrix m = Planted();
        Tensor dense = m.ToDense();
        for (int row = 0; row < 12; row += 5)
            for (int col = 0; col < 24; col += 7)
                Close(dense[row, col], m[row, col], 1e-12);
        int[] i = [1, 2, 0], j = [2, 1, 3];
        Tensor slices = m.Cores[0].Select(1, i[0]).Select(1, j[0]).MatMul(m.Cores[1].Select(1, i[1]).Select(1, j[1])).MatMul(m.Cores[2].Select(1, i[2]).Select(1, j[2]));
        Close(slices.Item(), dense[(1 * 3 + 2) * 2 + 0, (2 * 2 + 1) * 4 + 3], 1e-12);
    }

    [Fact]
    public void ToNetwork_UsesBuilderLegs_AndFromNetworkRoundTrips()
    {
        TtMatrix m = Planted();
        TensorNetwork net = m.ToNetwork();
        Assert.Equal(["p0", "q0", "b0-1"], net["A0"].Legs);
        Assert.Equal(["b0-1", "p1", "q1", "b1-2"], net["A1"].Legs);
        Assert.Equal([3, 2, 3], net["A0"].Tensor.Shape.ToArray());
        Close(m.ToDense(), TtMatrix.FromNetwork(net).ToDense(), 0);
    }

    [Fact]
    public void FromNetwork_ReadsNetworkBuilderTtMatrices_InputLegsAsColumns()
    {
        TensorNetwork net = NetworkBuilder.TtMatrix(new Generator(2), inputDims: [2, 3], outputDims: [4, 5], bondDim: 2);
        TtMatrix m = TtMatrix.FromNetwork(net);
        Assert.Equal([4, 5], m.RowModes);
        Assert.Equal([2, 3], m.ColumnModes);
        Close(net.Contract("q0", "q1", "p0", "p1").Reshape(20, 6), m.ToDense(), 1e-12);
    }

    [Fact]
    public void FromDense_RecoversAPlantedTtMatrix()
    {
        TtMatrix planted = Planted(3);
        TtMatrix m = TtMatrix.FromDense(planted.ToDense(), [2, 3, 2], [3, 2, 4], 1e-12);
        Assert.Equal([1, 3, 2, 1], m.Ranks);
        Assert.True(RelativeError(m.ToDense(), planted.ToDense()) < 1e-10);
    }

    [Fact]
    public void FromDense_WithZeroEpsilon_FindsKroneckerStructure()
    {
        Assert.Equal([1, 1, 1], TtMatrix.FromDense(TN.Eye(12, dtype: DType.Float64), [3, 4], [3, 4]).Ranks);
        var g = new Generator(5);
        Tensor kron = TN.Kron(TN.Randn(g, DType.Float64, 2, 3), TN.Randn(g, DType.Float64, 3, 2));
        TtMatrix m = TtMatrix.FromDense(kron, [2, 3], [3, 2]);
        Assert.Equal([1, 1, 1], m.Ranks);
        Assert.True(RelativeError(m.ToDense(), kron) < 1e-12);
    }

    [Fact]
    public void FromDense_ThrowsWhenTheModesDoNotMultiplyToTheMatrixSize()
    {
        Tensor a = TN.Zeros(DType.Float64, 12, 24);
        var e = Assert.Throws<ArgumentException>(() => TtMatrix.FromDense(a, [2, 3, 3], [3, 2, 4]));
        Assert.Contains("[2, 3, 3] multiply to 18", e.Message);
        Assert.Contains("12 × 24", e.Message);
        var pairs = Assert.Throws<ArgumentException>(() => TtMatrix.FromDense(a, [12], [3, 8]));
        Assert.Contains("1 row modes [12] but 2 column modes [3, 8]", pairs.Message);
    }

    [Fact]
    public void Constructor_ThrowsForMismatchedRanks()
    {
        var gen = new Generator(4);
        var e = Assert.Throws<ArgumentException>(() => new TtMatrix([TN.Randn(gen, DType.Float64, 1, 2, 2, 3), TN.Randn(gen, DType.Float64, 2, 2, 2, 1)]));
        Assert.Contains("core 0 has right rank 3 but core 1 has left rank 2", e.Message);
        var order = Assert.Throws<ArgumentException>(() => new TtMatrix([TN.Randn(gen, DType.Float64, 1, 2, 1)]));
        Assert.Contains("4 axes", order.Message);
    }

    [Fact]
    public void NormAndInner_MatchDense()
    {
        TtMatrix a = Planted(5), b = Planted(6);
        Close(a.ToDense().Norm().Item(), a.Norm());
        Close(Dot(a.ToDense(), b.ToDense()), a.Inner(b));
    }
}
