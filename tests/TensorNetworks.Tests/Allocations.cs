namespace TensorNetworks.Tests;

/// <summary>What a call allocates on the calling thread.</summary>
internal static class Allocations
{
    /// <summary>The fewest bytes one call allocated on this thread over 50 calls, after 20 to warm up: the steady
    /// state, without the calls that found the pool empty and allocated a fresh array.</summary>
    internal static long PerCall(Action op)
    {
        for (int i = 0; i < 20; i++) op();
        long fewest = long.MaxValue;
        for (int i = 0; i < 50; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            op();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
