using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ProductsTests
{
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Outer_MatchesNaiveReference(DType dtype)
    {
        var g = new Generator(51);
        Tensor a = Naive.Random(g, dtype, 4), b = Naive.Random(g, dtype, 3);
        Naive.AssertEqual(TN.Outer(a, b), [4, 3], dtype, Naive.Tabulate([4, 3], i => Round(dtype, a[i[0]] * b[i[1]])));
    }

    [Theory]
    [InlineData(DType.Float32, new[] { 2, 3 }, new[] { 3, 2 })]
    [InlineData(DType.Float64, new[] { 2, 3 }, new[] { 3, 2 })]
    [InlineData(DType.Float32, new[] { 2, 1, 3 }, new[] { 2, 3, 2 })]
    [InlineData(DType.Float64, new[] { 3, 2, 2 }, new[] { 1, 2, 3 })]
    [InlineData(DType.Float64, new[] { 4 }, new[] { 2, 3 })]
    [InlineData(DType.Float32, new[] { 2, 2, 3 }, new[] { 3 })]
    public void Kron_MatchesNaiveReference(DType dtype, int[] aDims, int[] bDims)
    {
        var g = new Generator(52);
        Tensor a = Naive.Random(g, dtype, aDims), b = Naive.Random(g, dtype, bDims);
        int n = Math.Max(aDims.Length, bDims.Length);
        int[] p = [.. Enumerable.Repeat(1, n - aDims.Length), .. aDims];
        int[] q = [.. Enumerable.Repeat(1, n - bDims.Length), .. bDims];
        int[] outDims = [.. p.Zip(q, (x, y) => x * y)];
        double[] expected = Naive.Tabulate(outDims, i =>
        {
            int[] ia = [.. i.Select((v, k) => v / q[k]).Skip(n - aDims.Length)];
            int[] ib = [.. i.Select((v, k) => v % q[k]).Skip(n - bDims.Length)];
            return Round(dtype, a[ia] * b[ib]);
        });
        Naive.AssertEqual(TN.Kron(a, b), outDims, dtype, expected);
    }

    [Fact]
    public void Kron_OfIdentityAndOnesIsBlockDiagonal()
    {
        Tensor k = TN.Kron(TN.Eye(2, dtype: DType.Float64), TN.Ones(DType.Float64, 1, 2));
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0], k.ToArray<double>());
    }

    [Fact]
    public void Outer_ThrowsForANonVector()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Outer(TN.Zeros(2, 3), TN.Zeros(3)));
        Assert.Contains("must be 1-D vectors, got shapes [2, 3] and [3]", e.Message);
    }

    [Fact]
    public void Kron_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Kron(TN.Zeros(2, 2), TN.Zeros(DType.Float64, 2, 2)));
        Assert.Contains("Kron: dtype mismatch: left is Float32 [2, 2], right is Float64 [2, 2]", e.Message);
    }

    private static double Round(DType dtype, double v) => dtype == DType.Float32 ? (float)v : v;
}
