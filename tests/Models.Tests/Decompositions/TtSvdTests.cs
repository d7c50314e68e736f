using TensorNetworks.Models.Decompositions;
using static TensorNetworks.Models.Tests.Decompositions.TensorTrainFixtures;

namespace TensorNetworks.Models.Tests.Decompositions;

public sealed class TtSvdTests
{
    [Fact]
    public void Decompose_RecoversAPlantedTrain_WithItsRanks()
    {
        Tensor dense = TensorTrain.Random(new Generator(1), [5, 6, 7, 6], [1, 3, 4, 3, 1]).ToDense();
        TensorTrain tt = TtSvd.Decompose(dense, relativeAccuracy: 1e-12);
        Assert.Equal([1, 3, 4, 3, 1], tt.Ranks);
        Assert.True(RelativeError(tt.ToDense(), dense) < 1e-10);
    }

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Decompose_WithZeroEpsilon_FindsAnExactLowRank(DType dtype)
    {
        var g = new Generator(4);
        Tensor a = TN.Randn(g, dtype, 6), b = TN.Randn(g, dtype, 7), c = TN.Randn(g, dtype, 8);
        Tensor rankOne = TN.Einsum("i,j,k->ijk", a, b, c);
        Assert.Equal([1, 1, 1, 1], TtSvd.Decompose(rankOne).Ranks);
        Tensor planted = TensorTrain.Random(new Generator(1), [5, 6, 7, 6], [1, 3, 4, 3, 1], dtype).ToDense();
        Assert.Equal([1, 3, 4, 3, 1], TtSvd.Decompose(planted).Ranks);
    }

    [Fact]
    public void Decompose_WithoutTruncation_IsExactAtFullRank()
    {
        Tensor dense = TN.Randn(new Generator(2), DType.Float64, 3, 4, 5);
        TensorTrain tt = TtSvd.Decompose(dense);
        Assert.Equal([1, 3, 5, 1], tt.Ranks);
        Assert.True(RelativeError(tt.ToDense(), dense) < 1e-12);
    }

    [Fact]
    public void Decompose_HonoursTheAccuracyBound_AndRanksShrinkAsEpsilonGrows()
    {
        Tensor dense = TN.Randn(new Generator(3), DType.Float64, 6, 5, 6, 5);
        int[]? previous = null;
        foreach (double eps in new[] { 0.05, 0.2, 0.4, 0.7 })
        {
            TensorTrain tt = TtSvd.Decompose(dense, eps);
            double error = RelativeError(tt.ToDense(), dense);
            Assert.True(error <= eps, $"ε = {eps}: relative error {error}");
            if (previous is not null)
                Assert.True(tt.Ranks.Zip(previous).All(p => p.First <= p.Second), $"ranks [{string.Join(", ", tt.Ranks)}] grew from [{string.Join(", ", previous)}] at ε = {eps}");
            previous = tt.Ranks;
        }
        Assert.True(previous!.Sum() < TtSvd.Decompose(dense, 0.05).Ranks.Sum());
    }

    [Fact]
    public void Decompose_CapsRanks_AndClampsCapsTheUnfoldingCannotReach()
    {
        Tensor dense = TN.Randn(new Generator(4), DType.Float64, 3, 4, 5);
        Assert.Equal([1, 2, 2, 1], TtSvd.Decompose(dense, maxRanks: [1, 2, 2, 1]).Ranks);
        Assert.Equal([1, 3, 5, 1], TtSvd.Decompose(dense, maxRanks: [1, 100, 100, 1]).Ranks);
    }

    [Fact]
    public void Decompose_WorksInFloat32()
    {
        Tensor dense = TensorTrain.Random(new Generator(5), [4, 5, 6], [1, 2, 3, 1], DType.Float32).ToDense();
        TensorTrain tt = TtSvd.Decompose(dense, 1e-4);
        Assert.Equal(DType.Float32, tt.DType);
        Assert.Equal([1, 2, 3, 1], tt.Ranks);
        Assert.True(RelativeError(tt.ToDense(), dense) < 1e-4);
    }

    [Fact]
    public void Decompose_IsDeterministic()
    {
        Tensor dense = TN.Randn(new Generator(6), DType.Float64, 4, 5, 6);
        TensorTrain a = TtSvd.Decompose(dense, 0.1), b = TtSvd.Decompose(dense, 0.1);
        Assert.Equal(a.Ranks, b.Ranks);
        for (int k = 0; k < a.Order; k++) Assert.Equal(a.Cores[k].ToArray<double>(), b.Cores[k].ToArray<double>());
    }

    [Fact]
    public void Decompose_ThrowsForBadAccuracyOrCaps()
    {
        Tensor dense = TN.Randn(new Generator(7), DType.Float64, 3, 4, 5);
        var eps = Assert.Throws<ArgumentOutOfRangeException>(() => TtSvd.Decompose(dense, -0.1));
        Assert.Contains("got -0.1", eps.Message);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => TtSvd.Decompose(dense, maxRanks: [1, 0, 2, 1]));
        Assert.Contains("got 0", zero.Message);
        var boundary = Assert.Throws<ArgumentException>(() => TtSvd.Decompose(dense, maxRanks: [2, 2, 2, 1]));
        Assert.Contains("r_0 = 2", boundary.Message);
        var length = Assert.Throws<ArgumentException>(() => TtSvd.Decompose(dense, maxRanks: [1, 2, 1]));
        Assert.Contains("need 4 ranks", length.Message);
    }

    [Fact]
    public void Decompose_OfAZeroTensor_HasRankOne()
    {
        TensorTrain tt = TtSvd.Decompose(TN.Zeros(DType.Float64, 3, 4, 5), 0.1);
        Assert.Equal([1, 1, 1, 1], tt.Ranks);
        Assert.Equal(0, tt.ToDense().Abs().Sum().Item());
    }

    [Fact]
    public void Decompose_OfWideUnfoldings_IsExactAndMatchesTheSvdError()
    {
        // Wide unfoldings (2×360, 6×60) take the Gram path; with no truncation the train is exact, and with a
        // binding cap the error is the discarded singular values' norm as for the SVD (Eckart–Young on step 1).
        Tensor dense = TN.Randn(new Generator(8), DType.Float64, 2, 3, 4, 5, 6);
        Assert.True(RelativeError(TtSvd.Decompose(dense).ToDense(), dense) < 1e-12);
        Tensor wide = TN.Randn(new Generator(9), DType.Float64, 4, 50);
        double[] s = TN.Linalg.Svd(wide).S.ToArray<double>();
        TensorTrain capped = TtSvd.Decompose(wide, maxRanks: [1, 2, 1]);
        Assert.Equal(Math.Sqrt(s[2] * s[2] + s[3] * s[3]), (capped.ToDense() - wide).Norm().Item(), 1e-12);
    }

    [Fact]
    public void Decompose_WithUntruncatedGramSteps_MatchesTheSvdOnlyTrain()
    {
        // 3^7 capped at 9: steps 1 and 2 keep every row (ranks 3 and 9), so their rotations are deferred and step 3
        // (27 × 81, cut to 9) reads the input through them; the result must equal TT-SVD by plain SVDs.
        Tensor dense = TN.Randn(new Generator(12), DType.Float64, 3, 3, 3, 3, 3, 3, 3);
        int[] caps = [1, 3, 9, 9, 9, 9, 3, 1];
        TensorTrain tt = TtSvd.Decompose(dense, 0, caps);
        Assert.Equal(caps, tt.Ranks);
        Close(SvdOnlyTrain(dense, caps), tt.ToDense(), 1e-10);
        Assert.True(RelativeError(TtSvd.Decompose(dense).ToDense(), dense) < 1e-12);
    }

    /// <summary>Reference TT-SVD with ε = 0 and the given caps, by SVDs only: the dense tensor it represents.</summary>
    private static Tensor SvdOnlyTrain(Tensor dense, int[] caps)
    {
        int[] modes = dense.Shape.ToArray();
        Tensor rest = dense, result = TN.Ones(DType.Float64, 1, 1);
        int r = 1;
        for (int k = 0; k < modes.Length - 1; k++)
        {
            var (u, s, vt) = TN.Linalg.Svd(rest.Reshape(r * modes[k], rest.ElementCount / (r * modes[k])));
            int rank = Math.Min(caps[k + 1], s.Size(0));
            result = TN.MatMul(result.Reshape(result.ElementCount / r, r), u.Narrow(1, 0, rank).Reshape(r, modes[k] * rank));
            rest = s.Narrow(0, 0, rank).Reshape(rank, 1) * vt.Narrow(0, 0, rank);
            r = rank;
        }
        return TN.MatMul(result.Reshape(result.ElementCount / r, r), rest.Reshape(r, modes[^1])).Reshape(modes);
    }

    [Fact]
    public void Decompose_KeepsATinySingularValue_ByFallingBackToTheSvd()
    {
        // σ = [1, 1e-9, 1e-10] on a 3×40 unfolding capped at rank 2: the error must be σ₂ = 1e-10. The Gram
        // matrix cannot resolve σ₁ = 1e-9 (its noise is ~1e-8), so the step must use the SVD.
        var g = new Generator(10);
        Tensor left = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 3, 3)).Q, right = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 40, 3)).Q;
        Tensor dense = TN.Einsum("ik,jk->ij", left * TN.Tensor(new[] { 1, 1e-9, 1e-10 }).Reshape(1, 3), right);
        TensorTrain tt = TtSvd.Decompose(dense, maxRanks: [1, 2, 1]);
        Assert.Equal(1e-10, (tt.ToDense() - dense).Norm().Item(), 1e-13);
    }

    [Fact]
    public void Decompose_OfATallFloat32Unfolding_MatchesTheFloat64Svd()
    {
        // The first unfolding (300 × 20) is tall; its σ fall to 1e-3·σ₀, below the float32 Gram level, so the step
        // uses the float64 Gram matrix of the other side and a QR. Capped at 6 it must equal the float64 SVD train to
        // float32 accuracy, with an orthonormal first core.
        var g = new Generator(31);
        Tensor u = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 300, 8)).Q, v = TN.Linalg.Qr(TN.Randn(g, DType.Float64, 20, 8)).Q;
        Tensor sigma = TN.Tensor(new[] { 1, 0.5, 0.2, 0.1, 0.03, 0.01, 1e-3, 1e-4 }).Reshape(1, 8);
        Tensor dense = TN.MatMul(u * sigma, v.Transpose(0, 1)).Reshape(300, 4, 5);
        int[] caps = [1, 6, 5, 1];
        TensorTrain tt = TtSvd.Decompose(dense.To(DType.Float32), 0, caps);
        Assert.Equal(caps, tt.Ranks);
        Close(SvdOnlyTrain(dense, caps), tt.ToDense(), 1e-5);
        Tensor first = tt.Cores[0].Reshape(300, 6).To(DType.Float64);
        Close(TN.Eye(6, dtype: DType.Float64), TN.MatMul(first.Transpose(0, 1), first), 1e-5);
    }

    [Fact]
    public void Decompose_ThrowsForANonFiniteTallUnfolding()
    {
        double[] values = TN.Randn(new Generator(32), DType.Float64, 50, 2, 3).ToArray<double>();
        values[7 * 6 + 5] = double.NaN;
        Tensor dense = TN.Tensor(values, 50, 2, 3);
        var e = Assert.Throws<ArgumentException>(() => TtSvd.Decompose(dense, 0.1));
        Assert.Contains("TtSvd.Decompose", e.Message);
        Assert.Contains("not finite", e.Message);
    }
}

