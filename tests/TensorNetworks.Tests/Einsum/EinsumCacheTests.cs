using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

/// <summary>Einsum compiles once per equation, shapes and options; these check that a compiled program
/// is never reused where the shapes or labels differ, and that a rejected call compiles nothing.</summary>
public sealed class EinsumCacheTests
{
    [Fact]
    public void Einsum_SameEquationWithOtherShapesIsCompiledAfresh()
    {
        var g = new Generator(31);
        int[][][] shapes = [[[3, 4], [4, 5]], [[6, 2], [2, 1]], [[3, 4], [4, 5]], [[1, 4], [4, 5]]];
        foreach (int[][] s in shapes)
        {
            Tensor[] operands = [TN.Randn(g, DType.Float64, s[0]), TN.Randn(g, DType.Float64, s[1])];
            double[] expected = NaiveEinsum.Evaluate("ij,jk->ik", operands, out int[] dims);

            Tensor actual = TN.Einsum("ij,jk->ik", operands);

            Assert.Equal(dims, actual.Shape.ToArray());
            EinsumTests.AssertClose(expected, actual.ToArray<double>(), 1e-12, $"shapes {s[0][0]}x{s[0][1]}, {s[1][0]}x{s[1][1]}");
        }
    }

    [Fact]
    public void Einsum_IntegerLabelsWithOtherListsOverTheSameShapesAreCompiledAfresh()
    {
        var g = new Generator(32);
        Tensor a = TN.Randn(g, DType.Float64, 3, 3), b = TN.Randn(g, DType.Float64, 3, 3);
        int[][][] labelSets = [[[0, 1], [1, 2]], [[0, 1], [2, 1]], [[1, 0], [1, 2]], [[0, 1], [1, 2]]];
        foreach (int[][] labels in labelSets)
        {
            double[] expected = NaiveEinsum.Evaluate(labels, [0, 2], [a, b], out _);

            Tensor actual = TN.Einsum(labels, [0, 2], [a, b]);

            EinsumTests.AssertClose(expected, actual.ToArray<double>(), 1e-12, string.Join(";", labels.Select(l => string.Join(",", l))));
        }
    }

    [Fact]
    public void Einsum_ARejectedCallCachesNothing()
    {
        Tensor a = TN.Ones(2, 3), good = TN.Ones(3, 4), bad = TN.Ones(5, 4);

        var first = Assert.Throws<ArgumentException>(() => TN.Einsum("ij,jk->ik", a, bad));
        Assert.Equal([2, 4], TN.Einsum("ij,jk->ik", a, good).Shape.ToArray());
        var again = Assert.Throws<ArgumentException>(() => TN.Einsum("ij,jk->ik", a, bad));

        Assert.Equal(first.Message, again.Message);
        Assert.Throws<ArgumentNullException>(() => TN.Einsum([[0, 1], null!], [0], [a, good]));
        Assert.Throws<ArgumentException>(() => TN.Einsum([[0, 1]], [0], [a, good]));
    }

    [Fact]
    public void Einsum_CachedProgramRecordsGradientsOnlyWhenAsked()
    {
        var g = new Generator(33);
        Tensor a = TN.Randn(g, DType.Float64, 4, 3).RequiringGrad(), b = TN.Randn(g, DType.Float64, 3, 2);
        using (TN.NoGrad()) Assert.False(TN.Einsum("ij,jk->ik", a, b).RequiresGrad);

        TN.Einsum("ij,jk->ik", a, b).Sum().Backward();

        double[] expected = [.. Enumerable.Range(0, 12).Select(e => b.ToArray<double>().Skip(e % 3 * 2).Take(2).Sum())];
        EinsumTests.AssertClose(expected, a.Grad!.ToArray<double>(), 1e-12, "dA = 1·Bᵀ");
    }
}
