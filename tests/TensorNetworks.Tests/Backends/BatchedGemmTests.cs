namespace TensorNetworks.Tests.Backends;

/// <summary>The op-to-BLAS entry point on every path: small kernel and batched medium products (each serial and split by batch), thin products split by rows, a single backend call.</summary>
public sealed class BatchedGemmTests
{
    [Theory]
    [InlineData(1, 10, 10, 10)]
    [InlineData(100, 10, 10, 10)]
    [InlineData(300, 3, 17, 5)]
    [InlineData(7, 40, 33, 29)]
    [InlineData(8, 40, 33, 29)]
    [InlineData(1, 40, 33, 29)]
    [InlineData(1, 203, 37, 9)]
    [InlineData(1, 130, 5, 32)]
    [InlineData(3, 5, 6, 0)]
    [InlineData(3, 0, 6, 4)]
    public void Run_MatchesReferenceOnEveryPathAndTranspose(int batch, int m, int n, int k)
    {
        var g = new Generator((ulong)(batch * 1000 + m));
        foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
        foreach (bool ta in new[] { false, true })
        foreach (bool tb in new[] { false, true })
        foreach (bool split in new[] { false, true })
        {
            Tensor a = TN.Randn(g, dtype, batch, ta ? k : m, ta ? m : k), b = TN.Randn(g, dtype, batch, tb ? n : k, tb ? k : n);
            Tensor c = BatchedGemm.Run(a, ta, b, tb, parallelBatchWork: split ? 0 : long.MaxValue);
            Assert.Equal([batch, m, n], c.Shape.ToArray());
            double[] av = a.ToArray<double>(), bv = b.ToArray<double>(), cv = c.ToArray<double>();
            for (int i = 0; i < batch; i += Math.Max(1, batch / 16))
            {
                double[] expected = GemmReference.Multiply(ta, tb, m, n, k, 1, av[(i * m * k)..((i + 1) * m * k)], ta ? m : k,
                    bv[(i * k * n)..((i + 1) * k * n)], tb ? k : n, 0, new double[m * n], n);
                GemmReference.AssertClose(expected, cv[(i * m * n)..((i + 1) * m * n)], k, dtype == DType.Float32 ? 1e-5 : 1e-13,
                    $"{dtype} item {i} of {batch}{(split ? " split" : "")} {(ta ? "T" : "N")}{(tb ? "T" : "N")} {m}×{n}×{k}");
            }
        }
    }

    [Fact]
    public void MatMul_OfTwo10By10MatricesMatchesReference()
    {
        var g = new Generator(93);
        Tensor a = TN.Randn(g, DType.Float64, 10, 10), b = TN.Randn(g, DType.Float64, 10, 10);
        double[] expected = GemmReference.Multiply(false, false, 10, 10, 10, 1, a.ToArray<double>(), 10, b.ToArray<double>(), 10, 0, new double[100], 10);
        GemmReference.AssertClose(expected, TN.MatMul(a, b).ToArray<double>(), 10, 1e-14, "10×10");
    }
}
