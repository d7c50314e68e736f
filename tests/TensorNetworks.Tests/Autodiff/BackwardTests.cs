using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public sealed class BackwardTests
{
    [Fact]
    public void Backward_HandlesA100000OpChainWithoutRecursion()
    {
        var x = TN.Tensor(new[] { 1.0 }, 1).RequiringGrad();
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y * 1.0000001 + 0.0;
        y.Sum().Backward();
        Assert.Equal(Math.Pow(1.0000001, 100_000), x.Grad!.Item(), 9);
    }

    [Fact]
    public void GradCheck_PassesOnA10000OpChain()
    {
        var x = TN.Randn(new Generator(5), DType.Float64, 3).RequiringGrad();
        Tensor Chain(Tensor[] xs)
        {
            Tensor y = xs[0];
            for (int i = 0; i < 5_000; i++) y = (y * 0.9999) + xs[0] * 1e-4;
            return y;
        }
        GradCheckResult r = GradCheck.Compare(Chain, [x]);
        Assert.True(r.Passed, r.ToString());
    }

    [Fact]
    public void Backward_AccumulatesIntoLeafGradAcrossCalls()
    {
        var x = TN.Tensor(new[] { 2.0, 3.0 }, 2).RequiringGrad();
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal([8.0, 12.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_SumsGradientsOfAReusedTensor()
    {
        var x = TN.Tensor(new[] { 1.5 }, 1).RequiringGrad();
        Tensor y = x * x * x; // d/dx = 3x^2
        y.Sum().Backward();
        Assert.Equal(3 * 1.5 * 1.5, x.Grad!.Item(), 12);
    }

    [Fact]
    public void Backward_ThrowsForNonScalarWithoutSeed()
    {
        var x = TN.Ones(DType.Float64, 2, 3).RequiringGrad();
        var e = Assert.Throws<InvalidOperationException>(() => (x * 2.0).Backward());
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("Sum()", e.Message);
    }

    [Fact]
    public void Backward_AcceptsASeedForNonScalar()
    {
        var x = TN.Ones(DType.Float64, 2).RequiringGrad();
        (x * 3.0).Backward(TN.Tensor(new[] { 1.0, 2.0 }, 2));
        Assert.Equal([3.0, 6.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_ThrowsWhenNothingRequiresGrad()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TN.Ones(2).Sum().Backward());
        Assert.Contains("does not require a gradient", e.Message);
    }

    [Fact]
    public void Backward_SecondPassThrowsUnlessGraphRetained()
    {
        var x = TN.Ones(DType.Float64, 2).RequiringGrad();
        Tensor loss = (x * x).Sum();
        loss.Backward();
        var e = Assert.Throws<InvalidOperationException>(() => loss.Backward());
        Assert.Contains("retainGraph", e.Message);

        Tensor kept = (x * x).Sum();
        kept.Backward(retainGraph: true);
        kept.Backward();
    }

    [Fact]
    public void NoGrad_StopsRecordingAndRestoresOnDispose()
    {
        var x = TN.Ones(DType.Float64, 2).RequiringGrad();
        using (TN.NoGrad())
        {
            Assert.False(TN.IsGradEnabled);
            Assert.False((x * 2.0).RequiresGrad);
        }
        Assert.True(TN.IsGradEnabled);
        Assert.True((x * 2.0).RequiresGrad);
    }

    [Fact]
    public void GradientsOf_LeavesGradUntouchedAndReachesIntermediates()
    {
        var x = TN.Tensor(new[] { 2.0 }, 1).RequiringGrad();
        Tensor h = x * x;
        Tensor y = (h * 3.0).Sum();
        Tensor[] g = Gradients.Of(y, [x, h]);
        Assert.Null(x.Grad);
        Assert.Equal(12.0, g[0].Item(), 12);
        Assert.Equal(3.0, g[1].Item(), 12);
    }

    [Fact]
    public void GradientsOf_GivesZerosForAnUnusedInput()
    {
        var x = TN.Ones(DType.Float64, 2).RequiringGrad();
        var unused = TN.Ones(DType.Float64, 3).RequiringGrad();
        Tensor[] g = Gradients.Of((x * 2.0).Sum(), [x, unused]);
        Assert.Equal([0.0, 0.0, 0.0], g[1].ToArray<double>());
    }


    [Fact]
    public void GradientsOf_GivesAnInputListedTwiceItsGradientBothTimes()
    {
        var x = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        Tensor[] g = Gradients.Of((x * x).Sum(), [x, x]);
        Assert.Equal([2.0, 4.0], g[0].ToArray<double>());
        Assert.Equal([2.0, 4.0], g[1].ToArray<double>());
        g[1].FillInPlace(0);
        Assert.Equal([2.0, 4.0], g[0].ToArray<double>());
    }
    [Fact]
    public void To_PassesTheGradientBackInTheSourceDType()
    {
        var x = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        x.To(DType.Float32).Sum().Backward();
        Assert.Equal(DType.Float64, x.Grad!.DType);
        Assert.Equal([1.0, 1.0], x.Grad.ToArray<double>());
    }

    [Fact]
    public void RequiresGrad_CannotBeSetOnAComputedTensor()
    {
        var x = TN.Ones(2).RequiringGrad();
        Tensor y = x * 2.0;
        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
    }

    [Fact]
    public void Backward_LeafGradDoesNotShareTheSeedsStorage()
    {
        var x = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 4).RequiringGrad();
        Tensor seed = TN.Tensor(new[] { 1.0, 1.0, 2.0, 2.0 }, 2, 2);
        x.Reshape(2, 2).Backward(seed);
        Assert.False(x.Grad!.SharesStorageWith(seed));
        seed.SetFlat(0, 100);
        Assert.Equal([1.0, 1.0, 2.0, 2.0], x.Grad.ToArray<double>());
    }

    [Fact]
    public void Backward_IdentityGradientsOfTwoLeavesDoNotShareStorage()
    {
        var x = TN.Ones(DType.Float64, 3).RequiringGrad();
        var y = TN.Ones(DType.Float64, 3).RequiringGrad();
        ((x + y) * 2.0).Sum().Backward();
        Assert.False(x.Grad!.SharesStorageWith(y.Grad!));
        x.Grad.SetFlat(0, 100);
        Assert.Equal([2.0, 2.0, 2.0], y.Grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_AccumulationLeavesAnEarlierGradUntouched()
    {
        var x = TN.Tensor(new[] { 2.0, 3.0 }, 2).RequiringGrad();
        (x * x).Sum().Backward();
        Tensor first = x.Grad!;
        (x * x).Sum().Backward();
        Assert.Equal([4.0, 6.0], first.ToArray<double>());
        Assert.Equal([8.0, 12.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_AccumulatesManyUsesOfALargeTensorInPlaceCorrectly()
    {
        var x = TN.Randn(new Generator(8), DType.Float32, 300, 400).RequiringGrad();
        Tensor y = x * 2.0 + x.Exp() + x.Reshape(400, 300).Reshape(300, 400) + x * x;
        y.Sum().Backward();
        float[] xs = x.ToArray<float>(), g = x.Grad!.ToArray<float>();
        for (int i = 0; i < xs.Length; i++)
        {
            float expected = 3 + MathF.Exp(xs[i]) + 2 * xs[i];
            Assert.True(Math.Abs(g[i] - expected) <= 1e-5f * (1 + Math.Abs(expected)), $"element {i}: {g[i]} vs {expected}");
        }
    }

    [Fact]
    public void GradientsOf_IntermediateTargetIsNotChangedByLaterAccumulation()
    {
        var x = TN.Tensor(new[] { 0.5, -1.0 }, 2).RequiringGrad();
        Tensor h = x * 3.0;
        Tensor output = (h + h.Reshape(2) * 2.0).Sum() + (x * 4.0).Sum();
        Tensor[] g = Gradients.Of(output, [h, x]);
        Assert.Equal([3.0, 3.0], g[0].ToArray<double>());
        Assert.Equal([13.0, 13.0], g[1].ToArray<double>());
    }
}
