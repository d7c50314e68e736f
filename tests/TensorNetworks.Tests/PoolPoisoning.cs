using System.Runtime.CompilerServices;

namespace TensorNetworks.Tests;

/// <summary>
/// Turns on <see cref="StoragePool.PoisonReturns"/> for the whole test run: every pooled array is filled
/// with NaN when it goes back to the pool, so a kernel that reads storage it did not write, or storage
/// recycled while a tensor could still reach it, fails a test instead of passing by luck.
/// </summary>
internal static class PoolPoisoning
{
#pragma warning disable CA2255 // a test assembly's own setup: runs before any test touches the pool
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Enable() => StoragePool.PoisonReturns = true;
}
