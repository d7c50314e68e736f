using TensorNetworks;
using TensorNetworks.Tests.Tensors;

namespace TensorNetworks.Tests.Ops;

[Collection(PoolCollection.Name)]
public sealed class ParallelismTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(131_073)]
    [InlineData(1_000_003)]
    public void For_CoversEveryIndexOnce(int n)
    {
        var hits = new int[n];

        Parallelism.For(n, Parallelism.ElementwiseGrain, new CountRange(hits));

        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void For_NestedWithTheSameBodyTypeKeepsBothRanges()
    {
        const int outer = 4 * Parallelism.ElementwiseGrain, inner = 2 * Parallelism.ElementwiseGrain;
        var outerHits = new int[outer];
        var innerHits = new int[inner];

        Parallelism.For(outer, Parallelism.ElementwiseGrain, new CountRange(outerHits, innerHits));

        Assert.All(outerHits, h => Assert.Equal(1, h));
        int pieces = (int)Math.Min(outer / Parallelism.ElementwiseGrain, Environment.ProcessorCount);
        Assert.All(innerHits, h => Assert.Equal(Math.Max(1, pieces), h));
    }

    [Fact]
    public void ElementwiseOpsSplitAcrossCoresAllocateNothingBeyondTheirOutput()
    {
        var g = new Generator(5);
        Tensor big1 = TN.Randn(g, 1 << 20), big2 = TN.Randn(g, 1 << 20);
        Tensor small1 = TN.Randn(g, 1 << 14), small2 = TN.Randn(g, 1 << 14);

        long oneThread = Allocations.PerCall(() => _ = small1 + small2);
        long split = Allocations.PerCall(() => _ = big1 + big2);
        long splitExp = Allocations.PerCall(() => _ = big1.Exp());

        Assert.True(split <= oneThread, $"a split 1M-element add allocated {split} B per call against {oneThread} B for a 16K-element one on one thread");
        Assert.True(splitExp <= oneThread, $"a split 1M-element exp allocated {splitExp} B per call against {oneThread} B");
    }

    [Fact]
    public void SmallAndThinMatMulsAllocateOnlyTheirOutput()
    {
        var g = new Generator(6);
        Tensor a = TN.Randn(g, 10, 10), b = TN.Randn(g, 10, 10);
        Tensor thin = TN.Randn(g, 64, 8), wide = TN.Randn(g, 8, 4096);

        long output = Allocations.PerCall(() => _ = Tensor.Uninitialized(DType.Float32, [10, 10]));
        long small = Allocations.PerCall(() => _ = TN.MatMul(a, b));
        long pooledOutput = Allocations.PerCall(() => _ = Tensor.Uninitialized(DType.Float32, [64, 4096]));
        long thinGemm = Allocations.PerCall(() => _ = TN.MatMul(thin, wide));

        Assert.True(small <= output, $"a 10×10 matmul allocated {small} B against {output} B for its output alone");
        Assert.True(thinGemm <= pooledOutput, $"a 64×8·8×4096 matmul allocated {thinGemm} B against {pooledOutput} B for its output alone");
    }

    /// <summary>Counts each index of its range; with <c>nested</c>, each range also runs a whole nested For of the same type.</summary>
    private readonly struct CountRange(int[] hits, int[]? nested = null) : IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int i = start; i < start + length; i++) Interlocked.Increment(ref hits[i]);
            if (nested is not null) Parallelism.For(nested.Length, Parallelism.ElementwiseGrain, new CountRange(nested));
        }
    }
}
