using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class CpMttkrpTreeTests
{
    private static void Close(Tensor expected, Tensor actual, double tolerance, string what) =>
        Assert.True(expected.ToArray<double>().Zip(actual.ToArray<double>()).All(p => Math.Abs(p.First - p.Second) <= tolerance * (1 + Math.Abs(p.First))), what);

    [Theory]
    [InlineData(DType.Float32, new[] { 5, 4, 3 })]
    [InlineData(DType.Float64, new[] { 5, 4, 3 })]
    [InlineData(DType.Float64, new[] { 3, 4, 2, 5 })]
    [InlineData(DType.Float64, new[] { 6, 7 })]
    public void Mode_EqualsMttkrpAcrossSweepsOfChangingFactors(DType dtype, int[] shape)
    {
        var g = new Generator(61);
        Tensor x = TN.Randn(g, dtype, shape);
        Tensor[] factors = [.. shape.Select(d => TN.Randn(g, dtype, d, 3))];
        var tree = new CpMttkrpTree(x);
        using var _ = TN.NoGrad();
        for (int sweep = 0; sweep < 2; sweep++)
            for (int n = 0; n < shape.Length; n++)
            {
                Close(TN.Linalg.Mttkrp(x, factors, n), tree.Mode(factors, n), dtype == DType.Float32 ? 1e-4 : 1e-12, $"sweep {sweep}, mode {n}");
                factors[n] = TN.Randn(g, dtype, shape[n], 3);
            }
    }

    [Fact]
    public void Mode_RecomputesThePartialWhenTheLastFactorChangesOutOfOrder()
    {
        var g = new Generator(62);
        Tensor x = TN.Randn(g, DType.Float64, 4, 3, 5);
        Tensor[] factors = [TN.Randn(g, DType.Float64, 4, 2), TN.Randn(g, DType.Float64, 3, 2), TN.Randn(g, DType.Float64, 5, 2)];
        var tree = new CpMttkrpTree(x);
        using var _ = TN.NoGrad();
        tree.Mode(factors, 0);
        factors[2] = TN.Randn(g, DType.Float64, 5, 2);
        Close(TN.Linalg.Mttkrp(x, factors, 1), tree.Mode(factors, 1), 1e-12, "mode 1 after A₂ changed");
    }
}
