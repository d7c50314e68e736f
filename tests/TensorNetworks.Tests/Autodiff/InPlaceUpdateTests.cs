namespace TensorNetworks.Tests.Autodiff;

public sealed class InPlaceUpdateTests
{
    private static InvalidOperationException AssertRefused(Action backward, string op)
    {
        var e = Assert.Throws<InvalidOperationException>(backward);
        Assert.Contains($"of {op} was updated in place", e.Message);
        Assert.Contains("Update tensors after Backward", e.Message);
        return e;
    }

    [Fact]
    public void Backward_RefusesAnInputUpdatedAfterTheOpReadIt()
    {
        var w = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        var x = TN.Tensor(new[] { 3.0, 4.0 }, 2);
        Tensor y = (w * x).Sum();
        x.FillInPlace(100);
        var e = AssertRefused(() => y.Backward(), "Multiply");
        Assert.Contains("input 1 (shape [2])", e.Message);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void Backward_RefusesAResultUpdatedUnderNoGrad()
    {
        var v = TN.Tensor(new[] { 0.0, 1.0 }, 2).RequiringGrad();
        Tensor e = v.Exp();
        using (TN.NoGrad()) e.ScaleInPlace(10);
        var error = AssertRefused(() => e.Sum().Backward(), "Exp");
        Assert.Contains("its result (shape [2])", error.Message);
    }

    [Fact]
    public void Backward_RefusesALeafUpdatedBetweenForwardAndBackward()
    {
        var p = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        Tensor loss = (p * p).Sum();
        using (TN.NoGrad()) p.FillInPlace(10);
        AssertRefused(() => loss.Backward(), "Multiply");
    }

    [Fact]
    public void Backward_SeesAnUpdateThroughAView()
    {
        var w = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, 4).RequiringGrad();
        var x = TN.Tensor(new[] { 1.0, 1.0, 1.0, 1.0 }, 4);
        Tensor view = x.Reshape(2, 2);
        Tensor y = (w * x).Sum();
        view.AddInPlace(TN.Ones(DType.Float64, 2, 2));
        AssertRefused(() => y.Backward(), "Multiply");

        var before = TN.Tensor(new[] { 1.0, 1.0 }, 2);
        Tensor z = (w.Narrow(0, 0, 2) * before).Sum();
        before.Detach().ScaleInPlace(3);
        AssertRefused(() => z.Backward(), "Multiply");
    }

    [Fact]
    public void Backward_RefusesARetainedGraphAfterAnUpdate()
    {
        var p = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        Tensor loss = (p * p).Sum();
        loss.Backward(retainGraph: true);
        Assert.Equal([2.0, 4.0], p.Grad!.ToArray<double>());
        using (TN.NoGrad()) p.AddInPlace(p.Grad!, -0.5);
        AssertRefused(() => loss.Backward(), "Multiply");
    }

    [Fact]
    public void Backward_AllowsUpdatingAnInputWhoseValuesTheProductsDoNotRead()
    {
        var w = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        var x = TN.Tensor(new[] { 3.0, 4.0 }, 2);
        Tensor y = (w + x).Reshape(1, 2).Sum() + (w * 2.0).Mean();
        x.FillInPlace(100);
        y.Backward();
        Assert.Equal([2.0, 2.0], w.Grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_ChecksTheWholeGraphBeforeAnyGradientIsWritten()
    {
        var v = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        var w = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        var x = TN.Tensor(new[] { 3.0, 4.0 }, 2);
        Tensor loss = ((w * x) * 1.0 * 1.0 * 1.0).Sum() + (v * 2.0).Sum();
        x.ScaleInPlace(2);
        AssertRefused(() => loss.Backward(), "Multiply");
        Assert.Null(v.Grad);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void Backward_AllowsUpdatesAfterBackwardAndUpdatesOfUnrelatedTensors()
    {
        var p = TN.Tensor(new[] { 1.0, 2.0 }, 2).RequiringGrad();
        var unrelated = TN.Zeros(DType.Float64, 2);
        for (int step = 0; step < 3; step++)
        {
            Tensor loss = (p * p).Sum();
            unrelated.FillInPlace(step);
            loss.Backward();
            using (TN.NoGrad()) p.AddInPlace(p.Grad!, -0.25);
            p.Grad = null;
        }
        Assert.Equal([0.125, 0.25], p.ToArray<double>());
    }
}
