using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

/// <summary>Watches pool buckets, so it runs with the other pool tests (see <see cref="PoolCollection"/>).</summary>
[Collection(PoolCollection.Name)]
public sealed class TensorScopeTests
{
    // 99_991 floats and 49_999 doubles: sizes no other test uses, so no test running in parallel takes
    // these buckets' arrays.
    private const int Length = 99_991;
    private const int DoubleLength = 49_999;

    [Fact]
    public void Dispose_ReleasesLargeTensorsCreatedInside()
    {
        if (!StoragePool.Enabled) return; // TN_POOL=0: nothing is pooled, so nothing is tracked
        Tensor inside;
        using (TN.Scope()) inside = TN.Full(2.0, DType.Float32, Length) * 3.0;

        Assert.True(inside.IsReleased);
        var error = Assert.Throws<ObjectDisposedException>(() => inside.ToArray<float>());
        Assert.Contains($"shape [{Length}]", error.Message);
        Assert.Contains("scope.Keep", error.Message);
        Assert.Throws<ObjectDisposedException>(() => inside + 1.0);
        Assert.Contains("released", inside.ToString());
    }

    [Fact]
    public void Dispose_TakesTheLeaseOutOfTheRegistry()
    {
        if (!StoragePool.Enabled) return;
        StorageLease lease;
        using (TN.Scope())
        {
            lease = TN.Ones(Length).Lease!;
            Assert.True(lease.IsRegistered);
        }

        Assert.False(lease.IsRegistered);
    }

    [Theory]
    [InlineData(DType.Float32, Length)]
    [InlineData(DType.Float64, DoubleLength)]
    public void Dispose_HandsTheStorageToTheNextRent(DType dtype, int length)
    {
        if (!StoragePool.Enabled) return;
        Array storage;
        using (TN.Scope()) storage = TN.Ones(dtype, length).Data;

        Tensor next = TN.Full(5.0, dtype, length);

        Assert.Same(storage, next.Data);
        Assert.All(next.ToArray<double>(), v => Assert.Equal(5.0, v));
    }

    [Fact]
    public void Keep_LetsATensorOutliveTheScopeWithItsValues()
    {
        Tensor kept;
        using (var scope = TN.Scope())
        {
            Tensor temporary = TN.Arange(Length, DType.Float32) * 2.0;
            kept = scope.Keep(temporary + 1.0);
        }

        Assert.False(kept.IsReleased);
        float[] values = kept.ToArray<float>();
        Assert.Equal(1f, values[0]);
        Assert.Equal(2f * (Length - 1) + 1f, values[^1]);
    }

    [Fact]
    public void Keep_MovesTheTensorToTheEnclosingScope()
    {
        if (!StoragePool.Enabled) return;
        Tensor kept;
        using (TN.Scope())
        {
            using (var inner = TN.Scope()) kept = inner.Keep(TN.Ones(Length));
            Assert.False(kept.IsReleased);
        }

        Assert.True(kept.IsReleased);
    }

    [Fact]
    public void Views_AreReleasedAndKeptWithTheirStorage()
    {
        if (!StoragePool.Enabled) return;
        Tensor released, keptView, keptSource;
        using (var scope = TN.Scope())
        {
            Tensor a = TN.Ones(Length);
            released = a.Reshape(1, Length);
            keptSource = TN.Full(4.0, DType.Float32, Length);
            keptView = scope.Keep(keptSource.Unsqueeze(0));
        }

        Assert.True(released.IsReleased);
        Assert.Throws<ObjectDisposedException>(() => released.Sum());
        Assert.Equal(4.0 * Length, keptSource.Sum().Item());
        Assert.Equal(4.0 * Length, keptView.Sum().Item());
    }

    [Fact]
    public void TensorsFromOutsideTheScopeAndSmallTensors_AreLeftToTheCollector()
    {
        Tensor outside = TN.Ones(Length);
        Tensor small;
        using (TN.Scope())
        {
            _ = outside * 2.0;
            small = TN.Ones(10) * 2.0;
        }

        Assert.False(outside.IsReleased);
        Assert.Equal(Length, outside.Sum().Item());
        Assert.Equal(20.0, small.Sum().Item());
    }

    [Fact]
    public void Backward_InsideAScope_KeepsTheLeafGradientAndReleasesIntermediates()
    {
        if (!StoragePool.Enabled) return;
        Tensor w = TN.Full(3.0, DType.Float32, Length).RequiringGrad();
        Tensor intermediate;
        using (TN.Scope())
        {
            intermediate = w * w;
            intermediate.Sum().Backward();
        }

        Assert.True(intermediate.IsReleased);
        Assert.False(w.Grad!.IsReleased);
        Assert.All(w.Grad.ToArray<float>(), g => Assert.Equal(6f, g));

        using (TN.Scope()) (w * w).Sum().Backward();
        Assert.All(w.Grad.ToArray<float>(), g => Assert.Equal(12f, g));
    }

    [Fact]
    public void Dispose_OfAnOuterScopeWhileAnInnerOneIsOpen_Throws()
    {
        var outer = TN.Scope();
        var inner = TN.Scope();

        var error = Assert.Throws<InvalidOperationException>(outer.Dispose);
        Assert.Contains("innermost first", error.Message);

        inner.Dispose();
        outer.Dispose();
        outer.Dispose();
        Assert.Null(TensorScope.Current);
        Assert.Throws<ObjectDisposedException>(() => outer.Keep(TN.Ones(3)));
    }

    [Fact]
    public void TensorsCreatedOnAnotherThread_AreNotTracked()
    {
        Tensor? fromWorker = null;
        using (TN.Scope())
        {
            var worker = new Thread(() => fromWorker = TN.Ones(Length) * 2.0);
            worker.Start();
            worker.Join();
        }

        Assert.False(fromWorker!.IsReleased);
        Assert.Equal(2.0 * Length, fromWorker.Sum().Item());
    }

    [Fact]
    public void Dispose_OnAnotherThread_Throws()
    {
        var scope = TN.Scope();
        Exception? error = null;
        var other = new Thread(() => error = Record.Exception(scope.Dispose));
        other.Start();
        other.Join();
        scope.Dispose();

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("thread that opened it", error.Message);
    }

    [Fact]
    public void ATrainingLoopInAScope_KeepsGradientsAndKeptResults()
    {
        var g = new Generator(5);
        Tensor target = TN.Randn(g, 60, 60, 60);
        Tensor a = TN.Randn(g, 60, 4).RequiringGrad(), b = TN.Randn(g, 60, 4).RequiringGrad(), c = TN.Randn(g, 60, 4).RequiringGrad();
        var history = new List<double>();
        Tensor? last = null;
        for (int step = 0; step < 5; step++)
        {
            using var scope = TN.Scope();
            Tensor loss = (TN.Einsum("ir,jr,kr->ijk", a, b, c) - target).Square().Mean();
            loss.Backward();
            history.Add(loss.Item());
            using (TN.NoGrad()) last = scope.Keep(TN.Einsum("ir,jr,kr->ijk", a, b, c));
            using var noGrad = TN.NoGrad();
            foreach (Tensor p in new[] { a, b, c })
            {
                p.AddInPlace(p.Grad!, -0.05);
                p.Grad = null;
            }
        }

        Assert.True(history[^1] < history[0], $"loss {history[0]} -> {history[^1]}");
        Assert.False(last!.IsReleased);
        Assert.Equal(60 * 60 * 60, last.ToArray<float>().Length);
    }
}
