using System.Runtime.CompilerServices;
using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

/// <summary>Forces collections and watches buckets, so it runs alone (see <see cref="PoolCollection"/>).</summary>
[Collection(PoolCollection.Name)]
public sealed class StoragePoolTests
{
    // 123_457 floats (class length 131_072) and 61_001 doubles: sizes no other test uses, so that
    // tests running in parallel do not take these buckets' arrays.
    private const int FloatLength = 123_457;
    private const int DoubleLength = 61_001;

    public static TheoryData<string> ViewKinds => ["Reshape", "Detach", "Squeeze", "Unsqueeze", "Flatten", "Permute", "Narrow", "SumOverUnitAxis", "MeanOverUnitAxis"];

    [Theory]
    [MemberData(nameof(ViewKinds))]
    public void View_KeepsPooledStorageFromReuseAfterItsSourceDies(string kind)
    {
        (Tensor view, float[] expected) = ViewOfDroppedTensor(kind, seed: 11);
        CollectAndFinalize();
        var later = new List<Tensor>();
        for (int i = 0; i < 40; i++)
        {
            Tensor other = TN.Full(-7.0, DType.Float32, FloatLength);
            Assert.False(other.SharesStorageWith(view), $"a new tensor got the storage of a live {kind} view");
            if (i % 2 == 0) later.Add(other);
            if (i % 10 == 0) CollectAndFinalize();
        }
        Assert.Equal(expected, view.ToArray<float>());
        GC.KeepAlive(later);
    }

    [Fact]
    public void Rent_ReusesTheArrayOfAnUnreachableTensor()
    {
        if (!StoragePool.Enabled) return; // TN_POOL=0: nothing is pooled, so nothing is reused
        Array storage = StorageOfDroppedTensor(DType.Float32, FloatLength);
        CollectAndFinalize();
        List<Tensor> rented = RentBucketDry(DType.Float32, FloatLength);
        Assert.Contains(rented, t => ReferenceEquals(t.Data, storage));
    }

    [Theory]
    [InlineData(DType.Float32, FloatLength)]
    [InlineData(DType.Float64, DoubleLength)]
    public void ZerosOf_ClearsReusedStorage(DType dtype, int length)
    {
        if (!StoragePool.Enabled) return; // TN_POOL=0: nothing is pooled, so nothing is reused
        Array storage = StorageOfDroppedTensor(dtype, length);
        CollectAndFinalize();
        List<Tensor> rented = RentBucketDry(dtype, length);
        Assert.Contains(rented, t => ReferenceEquals(t.Data, storage));
        Assert.All(rented, t => Assert.All(t.ToArray<double>(), v => Assert.Equal(0.0, v)));
    }

    [Fact]
    public void Rent_GivesStorageAtLeastAsLongAsTheTensor()
    {
        Tensor t = TN.Zeros(DType.Float32, FloatLength);
        Assert.True(t.Data.Length >= FloatLength);
        Assert.Equal(FloatLength, t.ToArray<float>().Length);
    }

    [Fact]
    public void ToArray_DoesNotAliasPooledStorage()
    {
        Tensor t = TN.Full(2.0, DType.Float32, FloatLength);
        float[] copy = t.ToArray<float>();
        Assert.NotSame(t.Data, copy);
        copy[0] = 5;
        Assert.Equal(2.0, t[0]);
    }

    [Fact]
    public void Tensor_CopiesCallerDataIntoItsOwnStorage()
    {
        var data = new float[FloatLength];
        Tensor t = TN.Tensor(data, FloatLength);
        Assert.NotSame(data, t.Data);
        data[0] = 3;
        Assert.Equal(0.0, t[0]);
    }

    [Fact]
    public void Collector_KeepsValuesCorrectAcrossManyCollections()
    {
        int before = PoolCollector.Collections;
        const int length = 1 << 20;
        Tensor a = TN.Full(1.5, DType.Float32, length);
        Tensor b = TN.Full(2.0, DType.Float32, length);
        Tensor sum = a;
        for (int i = 0; i < 60; i++)
        {
            Tensor product = (a * b).Exp().Log();   // 3.0, through two dead temporaries
            sum = product + sum - product;          // stays 1.5
        }
        Assert.True(!StoragePool.Enabled || PoolCollector.Collections > before, "60 iterations of 4 MiB temporaries should exceed the budget");
        Assert.All(sum.ToArray<float>(), v => Assert.Equal(1.5f, v));
    }

    [Fact]
    public void Collector_JudgesACollectionByWhatWasStillOut()
    {
        const long mb = 1 << 20;
        Assert.True(PoolCollector.IsProductive(returned: 6 * mb, rented: 18 * mb, returnedBetween: 12 * mb));
        Assert.False(PoolCollector.IsProductive(returned: 2 * mb, rented: 18 * mb, returnedBetween: 12 * mb));
        Assert.True(PoolCollector.IsProductive(returned: 9 * mb, rented: 18 * mb, returnedBetween: 0));
        Assert.False(PoolCollector.IsProductive(returned: 8 * mb, rented: 18 * mb, returnedBetween: 0));
        Assert.True(PoolCollector.IsProductive(returned: 0, rented: 8 * mb, returnedBetween: 20 * mb));
    }

    [Fact]
    public void Pool_StaysCorrectUnderConcurrentUse()
    {
        const int length = 200_000;
        var failures = new int[1];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var generator = new Generator((ulong)worker + 1);
            for (int i = 0; i < 30; i++)
            {
                Tensor x = TN.Randn(generator, DType.Float32, length);
                float[] expected = x.ToArray<float>();
                Tensor y = ((x + 1.0) * 2.0 - x - 2.0).Reshape(400, 500).Sum([1], keepDim: true).Flatten();
                Tensor z = x.Reshape(400, 500).Sum([1]);
                float[] got = y.ToArray<float>(), want = z.ToArray<float>();
                for (int r = 0; r < got.Length; r++)
                    if (Math.Abs(got[r] - want[r]) > 1e-3f * (1 + Math.Abs(want[r]))) Interlocked.Increment(ref failures[0]);
                if (!expected.AsSpan().SequenceEqual(x.ToArray<float>())) Interlocked.Increment(ref failures[0]);
            }
        });
        Assert.Equal(0, failures[0]);
    }

    [Fact]
    public void Broadcast_UsesElementCountNotStorageLength()
    {
        // 300 × 1000 floats are pooled in an array of 327_680: the broadcast kernel must stop at 300_000.
        var generator = new Generator(4);
        Tensor a = TN.Randn(generator, DType.Float32, 300, 1000);
        Tensor b = TN.Randn(generator, DType.Float32, 300, 1);
        Assert.True(!StoragePool.Enabled || a.Data.Length > a.ElementCount);
        float[] x = a.ToArray<float>(), y = b.ToArray<float>(), sum = (a + b).ToArray<float>();
        for (int i = 0; i < 300; i++)
            for (int j = 0; j < 1000; j++)
                Assert.Equal(x[i * 1000 + j] + y[i], sum[i * 1000 + j]);
    }

    [Fact]
    public void ScalarFunctionKernel_UsesElementCountNotStorageLength()
    {
        // 20_000 doubles are pooled (160 KB) but below the parallel grain: the plain loop path.
        var generator = new Generator(9);
        Tensor x = TN.Rand(generator, DType.Float64, 20_000) + 0.5;
        Tensor y = TN.Rand(generator, DType.Float64, 20_000);
        Assert.True(!StoragePool.Enabled || x.Data.Length > x.ElementCount);
        double[] xs = x.ToArray<double>(), ys = y.ToArray<double>(), p = x.Pow(y).ToArray<double>();
        for (int i = 0; i < xs.Length; i++) Assert.Equal(Math.Pow(xs[i], ys[i]), p[i], 12);
    }

    /// <summary>Zero tensors until the bucket serving the length is empty (it was not, so at least one).</summary>
    private static List<Tensor> RentBucketDry(DType dtype, int length)
    {
        PoolBucket bucket = StoragePool.BucketFor(dtype, length)!;
        var rented = new List<Tensor> { TN.Zeros(dtype, length) };
        while (bucket.Count > 0) rented.Add(TN.Zeros(dtype, length));
        return rented;
    }

    private static void CollectAndFinalize()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Array StorageOfDroppedTensor(DType dtype, int length) => TN.Full(3.0, dtype, length).Data;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Tensor View, float[] Expected) ViewOfDroppedTensor(string kind, ulong seed)
    {
        Tensor source = TN.Randn(new Generator(seed), DType.Float32, 1, FloatLength);
        Tensor view = kind switch
        {
            "Reshape" => source.Reshape(FloatLength),
            "Detach" => source.Detach(),
            "Squeeze" => source.Squeeze(),
            "Unsqueeze" => source.Unsqueeze(0),
            "Flatten" => source.Flatten(),
            "Permute" => source.Permute(1, 0),
            "Narrow" => source.Narrow(1, 0, FloatLength),
            "SumOverUnitAxis" => source.Sum([0]),
            "MeanOverUnitAxis" => source.Mean([0]),
            _ => throw new ArgumentException(kind),
        };
        Assert.True(view.SharesStorageWith(source), $"{kind} should be a view");
        return (view, source.ToArray<float>());
    }
}

/// <summary>Tests that force collections and inspect pool buckets run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PoolCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "StoragePool";
}
