namespace TensorNetworks.Training.Data;

/// <summary>
/// The sample order of one epoch: a Fisher–Yates shuffle of 0..n-1 driven by a <see cref="Generator"/>
/// seeded from (seed, epoch) alone, so any epoch's order can be recomputed without replaying the
/// epochs before it.
/// </summary>
internal static class EpochOrder
{
    /// <summary>The permutation of 0..n-1 for <paramref name="epoch"/>: for i = n-1 … 1, swap i with a uniform j in [0, i].</summary>
    public static int[] Shuffled(int n, ulong seed, int epoch) => Shuffled(n, new Generator(EpochSeed(seed, epoch)));

    /// <summary>A uniformly random permutation of 0..n-1 drawn from <paramref name="generator"/> (Fisher–Yates).</summary>
    public static int[] Shuffled(int n, Generator generator)
    {
        var order = Identity(n);
        for (int i = n - 1; i > 0; i--)
        {
            int j = generator.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>0, 1, …, n-1.</summary>
    public static int[] Identity(int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /// <summary>One 64-bit seed per (seed, epoch) pair: the SplitMix64 finalizer of the seed, combined with the
    /// epoch and finalized again, so neighbouring seeds and epochs give unrelated streams.</summary>
    internal static ulong EpochSeed(ulong seed, int epoch) => Mix(Mix(seed) + (ulong)(uint)epoch);

    private static ulong Mix(ulong x)
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
