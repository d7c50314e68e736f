using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class HosvdTests
{
    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Fit_HandlesSlicesDecayingOverEightDecades(DType dtype)
    {
        // The mode-0 Gram matrix of 128 slices shrinking from 1 to 1e-8 has eigenvalues far below eps·‖G‖.
        int n = 128;
        Tensor decay = TN.Tensor([.. Enumerable.Range(0, n).Select(i => Math.Pow(10, -8.0 * i / (n - 1)))], n, 1, 1).To(dtype);
        Tensor x = TN.Rand(new Generator(9), dtype, n, 16, 16) * decay;
        TuckerTensor t = Hosvd.Fit(x, [5, 5, 5]);
        double error = (t.ToDense() - x).Norm().Item() / x.Norm().Item();
        Assert.True(error < 1, $"relative error {error}");
        Assert.Equal([5, 5, 5], t.Ranks.ToArray());
    }

    [Fact]
    public void Fit_IsExactForExactMultilinearRank()
    {
        Tensor x = TuckerPlanted.Exact(21, DType.Float64, [12, 10, 8], [3, 4, 2]);
        TuckerTensor t = Hosvd.Fit(x, [3, 4, 2]);
        Assert.Equal(new[] { 3, 4, 2 }, t.Ranks.ToArray());
        Assert.True(TuckerPlanted.RelativeError(x, t) < 1e-10, $"relative error {TuckerPlanted.RelativeError(x, t):G3}");
        TuckerPlanted.AssertOrthonormal(t, 1e-12);
    }

    [Fact]
    public void FitSequentiallyTruncated_IsExactForExactMultilinearRank()
    {
        Tensor x = TuckerPlanted.Exact(22, DType.Float64, [7, 9, 6, 5], [2, 3, 3, 2]);
        TuckerTensor t = Hosvd.FitSequentiallyTruncated(x, [2, 3, 3, 2]);
        Assert.True(TuckerPlanted.RelativeError(x, t) < 1e-10, $"relative error {TuckerPlanted.RelativeError(x, t):G3}");
        TuckerPlanted.AssertOrthonormal(t, 1e-12);
    }

    [Fact]
    public void Fit_CoreIsTheProjectionOnTheFactors()
    {
        Tensor x = TN.Randn(new Generator(23), DType.Float64, 6, 5, 4);
        TuckerTensor t = Hosvd.Fit(x, [2, 3, 2]);
        Tensor projected = x;
        for (int n = 0; n < 3; n++) projected = TN.Linalg.ModeProduct(projected, t.Factors[n].Transpose(0, 1), n);
        Assert.Equal(projected.ToArray<double>(), t.Core.ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Fit_TruncationErrorIsTheDiscardedEnergy()
    {
        // With the full rank on every mode but the first, HOSVD is the truncated SVD of X(0) (Eckart–Young).
        Tensor x = TN.Randn(new Generator(24), DType.Float64, 6, 3, 2);
        TuckerTensor t = Hosvd.Fit(x, [2, 3, 2]);
        double[] s = TN.Linalg.Svd(TN.Linalg.Unfold(x, 0)).S.ToArray<double>();
        double discarded = Math.Sqrt(s.Skip(2).Sum(v => v * v));
        Assert.Equal(discarded, (x - t.ToDense()).Norm().Item(), 1e-12);
    }

    [Fact]
    public void Fit_ComputesInFloat32()
    {
        Tensor x = TuckerPlanted.Exact(25, DType.Float32, [8, 7, 6], [2, 2, 3]);
        TuckerTensor t = Hosvd.Fit(x, [2, 2, 3]), st = Hosvd.FitSequentiallyTruncated(x, [2, 2, 3]);
        Assert.Equal(DType.Float32, t.DType);
        Assert.True(TuckerPlanted.RelativeError(x, t) < 1e-4);
        Assert.True(TuckerPlanted.RelativeError(x, st) < 1e-4);
    }

    [Fact]
    public void Fit_ThrowsForRankLargerThanMode()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Hosvd.Fit(TN.Zeros(DType.Float64, 12, 10, 8), [3, 11, 2]));
        Assert.Contains("ranks[1] = 11", e.Message);
        Assert.Contains("size 10 of mode 1", e.Message);
        Assert.Contains("[12, 10, 8]", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForRankLargerThanProductOfOthers()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Hosvd.FitSequentiallyTruncated(TN.Zeros(DType.Float64, 5, 5, 5), [5, 1, 2]));
        Assert.Contains("ranks[0] = 5", e.Message);
        Assert.Contains("other ranks, 2", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Fit_ThrowsForNonPositiveRank(int rank)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Hosvd.Fit(TN.Zeros(DType.Float64, 4, 4), [2, rank]));
        Assert.Contains($"ranks[1] must be at least 1, got {rank}", e.Message);
    }

    [Fact]
    public void Fit_ThrowsForWrongRankCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Hosvd.Fit(TN.Zeros(DType.Float64, 4, 4, 4), [2, 2]));
        Assert.Contains("needs 3 ranks, got 2", e.Message);
    }

    [Theory]
    [InlineData(6, 30, 20)]
    [InlineData(40, 2, 3)]
    public void Fit_KeepsATinyComponent_ByFallingBackToTheSvd(int i, int j, int k)
    {
        // X = a₀∘b₀∘c₀ + 1e-9·a₁∘b₁∘c₁ with orthonormal vectors: σ₁/σ₀ = 1e-9 on every mode is below the Gram
        // accuracy level, so only the SVD resolves the second vectors; the Gram matrix alone would lose the
        // 1e-9 component (relative error ~1e-9). [6, 30, 20] has wide unfoldings only; mode 0 of [40, 2, 3] is tall
        // (its factor would come from the other side's Gram matrix).
        var g = new Generator(26);
        Tensor[] q = [.. new[] { i, j, k }.Select(n => TN.Linalg.Qr(TN.Randn(g, DType.Float64, n, 2)).Q)];
        Tensor core = TN.Tensor(new double[] { 1, 0, 0, 0, 0, 0, 0, 1e-9 }, 2, 2, 2);
        Tensor x = new TuckerTensor(core, q).ToDense();
        foreach (TuckerTensor t in new[] { Hosvd.Fit(x, [2, 2, 2]), Hosvd.FitSequentiallyTruncated(x, [2, 2, 2]) })
            Assert.True(TuckerPlanted.RelativeError(x, t) < 1e-12, $"relative error {TuckerPlanted.RelativeError(x, t):G3}");
    }

    [Fact]
    public void Fit_OfWideModesMatchesTheSvdFactors()
    {
        // Every unfolding is wide and well conditioned, so the factors come from the Gram matrices: they must
        // span what the SVD's leading vectors span.
        Tensor x = TuckerPlanted.Noisy(27, [10, 12, 14], [3, 4, 5], 0.01);
        TuckerTensor t = Hosvd.Fit(x, [3, 4, 5]);
        for (int n = 0; n < 3; n++)
        {
            Tensor svd = TN.Linalg.Svd(TN.Linalg.Unfold(x, n)).U.Narrow(1, 0, t.Ranks[n]);
            Tensor overlap = TN.Einsum("ir,is->rs", svd, t.Factors[n]);
            double[] singular = TN.Linalg.Svd(overlap).S.ToArray<double>();
            Assert.All(singular, c => Assert.Equal(1, c, 1e-10));
        }
        TuckerPlanted.AssertOrthonormal(t, 1e-12);
    }

    [Fact]
    public void Fit_OfATallModeMatchesTheSvdFactors()
    {
        // Mode 0 (60) is longer than the other modes together (12): its factor comes from the Gram matrix of the
        // other side and a QR, and must span what the SVD's leading vectors span, orthonormal to rounding.
        Tensor x = TuckerPlanted.Noisy(28, [60, 3, 4], [5, 3, 4], 0.01);
        foreach (TuckerTensor t in new[] { Hosvd.Fit(x, [5, 3, 4]), Hosvd.FitSequentiallyTruncated(x, [5, 3, 4]) })
        {
            Tensor svd = TN.Linalg.Svd(TN.Linalg.Unfold(x, 0)).U.Narrow(1, 0, 5);
            double[] cosines = TN.Linalg.Svd(TN.Einsum("ir,is->rs", svd, t.Factors[0])).S.ToArray<double>();
            Assert.All(cosines, c => Assert.Equal(1, c, 1e-10));
            TuckerPlanted.AssertOrthonormal(t, 1e-12);
        }
    }

    [Fact]
    public void Fit_OfATallFloat32Mode_ResolvesValuesBelowTheFloat32GramLevel()
    {
        // σ on the tall mode falls to 1e-3·σ₀, below the float32 Gram level (64·sqrt(eps₃₂) ≈ 0.022) but far above the
        // float64 one: the float64 Gram matrix of the other side still resolves the kept vectors, and the float32
        // factor spans them to float32 accuracy.
        var g = new Generator(29);
        Tensor u = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 200, 6)).Q, v = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 12, 6)).Q;
        Tensor sigma = TN.Tensor(new[] { 1, 0.3, 0.1, 0.03, 0.01, 1e-3 }).Reshape(1, 6);
        Tensor x64 = TN.MatMul(u * sigma, v.Transpose(0, 1)).Reshape(200, 3, 4);
        TuckerTensor t = Hosvd.Fit(x64.To(DType.Float32), [6, 3, 4]);
        double[] cosines = TN.Linalg.Svd(TN.MatMul(u.Transpose(0, 1), t.Factors[0].To(DType.Float64))).S.ToArray<double>();
        Assert.All(cosines, c => Assert.Equal(1, c, 1e-4));
        Assert.True(TuckerPlanted.RelativeError(x64, new TuckerTensor(t.Core.To(DType.Float64), [.. t.Factors.Select(f => f.To(DType.Float64))])) < 1e-5);
    }
}
