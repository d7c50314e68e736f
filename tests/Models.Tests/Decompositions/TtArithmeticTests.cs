using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtArithmeticTests
{
    private static TensorTrain Train(ulong seed, int[]? ranks = null) =>
        TensorTrain.Random(new Generator(seed), [3, 4, 5, 2], ranks ?? [1, 2, 3, 2, 1]);

    [Fact]
    public void Add_MatchesDense_AndAddsRanks()
    {
        TensorTrain a = Train(1), b = Train(2, [1, 3, 2, 2, 1]);
        TensorTrain sum = TtArithmetic.Add(a, b);
        Assert.Equal([1, 5, 5, 4, 1], sum.Ranks);
        Close(a.ToDense() + b.ToDense(), sum.ToDense());
    }

    [Fact]
    public void Add_OfOneCoreTrains_AddsTheCores()
    {
        var gen = new Generator(3);
        TensorTrain a = TensorTrain.Random(gen, [4], [1, 1]), b = TensorTrain.Random(gen, [4], [1, 1]);
        Close(a.ToDense() + b.ToDense(), TtArithmetic.Add(a, b).ToDense());
    }

    [Fact]
    public void Scale_MatchesDense_AndKeepsRanks()
    {
        TensorTrain a = Train(4);
        TensorTrain scaled = TtArithmetic.Scale(a, -3.25);
        Assert.Equal(a.Ranks, scaled.Ranks);
        Close(a.ToDense() * -3.25, scaled.ToDense());
    }

    [Fact]
    public void Hadamard_MatchesDense_AndMultipliesRanks()
    {
        TensorTrain a = Train(5), b = Train(6, [1, 3, 2, 2, 1]);
        TensorTrain product = TtArithmetic.Hadamard(a, b);
        Assert.Equal([1, 6, 6, 4, 1], product.Ranks);
        Close(a.ToDense() * b.ToDense(), product.ToDense());
    }

    [Fact]
    public void DotAndNorm_MatchDense()
    {
        TensorTrain a = Train(7), b = Train(8, [1, 3, 4, 2, 1]);
        Close(Dot(a.ToDense(), b.ToDense()), TtArithmetic.Dot(a, b));
        Close(b.ToDense().Norm().Item(), TtArithmetic.Norm(b));
    }

    [Fact]
    public void MatVec_TtMatrixTimesTtVector_MatchesDense_AndMultipliesRanks()
    {
        var gen = new Generator(9);
        TtMatrix m = TtMatrix.Random(gen, [2, 3, 2], [3, 4, 2], [1, 2, 3, 1]);
        TensorTrain x = TensorTrain.Random(gen, [3, 4, 2], [1, 2, 2, 1]);
        TensorTrain y = TtArithmetic.MatVec(m, x);
        Assert.Equal([2, 3, 2], y.Shape.ToArray());
        Assert.Equal([1, 4, 6, 1], y.Ranks);
        Tensor expected = m.ToDense().MatMul(x.ToDense().Reshape(24, 1)).Reshape(2, 3, 2);
        Close(expected, y.ToDense());
    }

    [Fact]
    public void MatVec_TtMatrixTimesDense_MatchesDenseVectorAndMatrix()
    {
        var gen = new Generator(10);
        TtMatrix m = TtMatrix.Random(gen, [2, 3, 2], [3, 4, 2], [1, 2, 3, 1]);
        Tensor v = TN.Randn(gen, DType.Float64, 24), x = TN.Randn(gen, DType.Float64, 24, 5);
        Close(m.ToDense().MatMul(v.Reshape(24, 1)).Reshape(12), TtArithmetic.MatVec(m, v));
        Close(m.ToDense().MatMul(x), TtArithmetic.MatVec(m, x));
    }

    [Fact]
    public void MatVec_ThrowsWhenTheOperandHasTheWrongRowCount()
    {
        TtMatrix m = TtMatrix.Random(new Generator(11), [2, 3], [3, 4], [1, 2, 1]);
        var e = Assert.Throws<ArgumentException>(() => TtArithmetic.MatVec(m, TN.Zeros(DType.Float64, 10, 2)));
        Assert.Contains("shape [10, 2]", e.Message);
        Assert.Contains("needs 12 rows", e.Message);
        var modes = Assert.Throws<ArgumentException>(() => TtArithmetic.MatVec(m, TensorTrain.Random(new Generator(1), [4, 3], [1, 2, 1])));
        Assert.Contains("[3, 4] vs [4, 3]", modes.Message);
    }

    [Fact]
    public void BinaryOperations_ThrowForMismatchedModesOrDTypes()
    {
        TensorTrain a = Train(12);
        TensorTrain other = TensorTrain.Random(new Generator(13), [3, 4, 6, 2], [1, 2, 3, 2, 1]);
        var modes = Assert.Throws<ArgumentException>(() => TtArithmetic.Add(a, other));
        Assert.Contains("[3, 4, 5, 2] vs [3, 4, 6, 2]", modes.Message);
        TensorTrain single = TensorTrain.Random(new Generator(14), [3, 4, 5, 2], [1, 2, 3, 2, 1], DType.Float32);
        var dtype = Assert.Throws<ArgumentException>(() => TtArithmetic.Dot(a, single));
        Assert.Contains("Float64 and Float32", dtype.Message);
    }

    [Fact]
    public void Operations_KeepFloat32()
    {
        TensorTrain a = TensorTrain.Random(new Generator(15), [3, 4], [1, 2, 1], DType.Float32);
        TensorTrain b = TtArithmetic.Hadamard(TtArithmetic.Add(a, a), a);
        Assert.Equal(DType.Float32, b.DType);
        Close((a.ToDense() * 2 * a.ToDense()).To(DType.Float64), b.ToDense().To(DType.Float64), 1e-5);
    }
}
