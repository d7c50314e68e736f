using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>The unpacked small-product kernel against the reference, on every shape class it serves.</summary>
public sealed unsafe class SmallGemmTests
{
    [Fact]
    public void Multiply_MatchesReferenceOnAllTransposesAndOddWidths()
    {
        var g = new Generator(91);
        foreach (int m in new[] { 1, 3, 4, 5, 9 })
        foreach (int n in new[] { 1, 7, 8, 9, 16, 17, 23 })
        foreach (int k in new[] { 1, 2, 10 })
        foreach (bool ta in new[] { false, true })
        foreach (bool tb in new[] { false, true })
        {
            Assert.True(SmallGemm.Suits(m, n, k));
            Check(g, ta, tb, m, n, k, 1, 0);
        }
    }

    [Fact]
    public void Multiply_AppliesAlphaAndBeta()
    {
        var g = new Generator(92);
        Check(g, false, false, 6, 10, 5, 2.5, 0.5);
        Check(g, true, true, 5, 9, 4, -1, 1);
    }

    [Fact]
    public void Suits_RejectsLargeProducts() => Assert.False(SmallGemm.Suits(64, 64, 64));

    private static void Check(Generator g, bool ta, bool tb, int m, int n, int k, double alpha, double beta)
    {
        int lda = ta ? m : k, ldb = tb ? k : n;
        double[] a = GemmReference.Random(g, m * k), b = GemmReference.Random(g, k * n), c = GemmReference.Random(g, m * n);
        double[] expected = GemmReference.Multiply(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, n);
        double[] actual = (double[])c.Clone();
        float[] af = GemmReference.ToFloat(a), bf = GemmReference.ToFloat(b), cf = GemmReference.ToFloat(c);
        fixed (double* pa = a, pb = b, pc = actual)
            SmallGemm.Multiply(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, n);
        fixed (float* pa = af, pb = bf, pc = cf)
            SmallGemm.Multiply(ta, tb, m, n, k, (float)alpha, pa, lda, pb, ldb, (float)beta, pc, n);
        string what = $"{(ta ? "T" : "N")}{(tb ? "T" : "N")} {m}×{n}×{k}";
        GemmReference.AssertClose(expected, actual, k, 1e-14, what + " f64");
        GemmReference.AssertClose(expected, GemmReference.ToDouble(cf), k, 1e-5, what + " f32");
    }
}
