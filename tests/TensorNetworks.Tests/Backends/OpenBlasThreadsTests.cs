using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>Reads OpenBLAS's process-wide thread count, so it runs alone (see <see cref="OpenBlasThreadCollection"/>).</summary>
[Collection(OpenBlasThreadCollection.Name)]
public sealed class OpenBlasThreadsTests
{
    [Fact]
    public void SingleThreadedWhen_RestoresTheThreadCount_WhenTheLastNestedScopeCloses()
    {
        if (!BlasBackends.OpenBlasLoaded) return;
        int before = OpenBlasNative.GetNumThreads();
        using (OpenBlasThreads.SingleThreadedWhen(true))
        {
            Assert.Equal(1, OpenBlasNative.GetNumThreads());
            using (OpenBlasThreads.SingleThreadedWhen(true)) Assert.Equal(1, OpenBlasNative.GetNumThreads());
            Assert.Equal(1, OpenBlasNative.GetNumThreads());
        }
        Assert.Equal(before, OpenBlasNative.GetNumThreads());
        using (OpenBlasThreads.SingleThreadedWhen(false)) Assert.Equal(before, OpenBlasNative.GetNumThreads());
    }

    [Fact]
    public void SmallFactorizations_LeaveTheThreadCountAsTheyFoundIt()
    {
        if (!BlasBackends.OpenBlasLoaded) return;
        int before = OpenBlasNative.GetNumThreads();
        var lapack = new OpenBlasLapack();
        double[] a = GemmReference.Random(new Generator(89), 160 * 40);
        lapack.Qr(160, 40, (double[])a.Clone(), new double[160 * 40], new double[40 * 40]);
        lapack.Lq(40, 160, (double[])a.Clone(), new double[40 * 40], new double[40 * 160]);
        lapack.Svd(160, 40, (double[])a.Clone(), new double[160 * 40], new double[40], new double[40 * 40]);
        Assert.Equal(before, OpenBlasNative.GetNumThreads());
    }

    [Fact]
    public void IsSmall_CoversTheSmallFactorizationsOnly()
    {
        Assert.True(OpenBlasThreads.IsSmall(160, 40));
        Assert.True(OpenBlasThreads.IsSmall(256, 256));
        Assert.True(OpenBlasThreads.IsSmall(512, 256));
        Assert.False(OpenBlasThreads.IsSmall(1024, 1024));
        Assert.False(OpenBlasThreads.IsSmall(100000, 200));
    }
}

/// <summary>Tests that read OpenBLAS's process-wide thread count run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenBlasThreadCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "OpenBLAS thread count";
}
