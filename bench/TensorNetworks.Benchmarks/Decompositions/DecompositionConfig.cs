using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TensorNetworks.Benchmarks.Decompositions;

/// <summary>
/// The job for the decomposition workloads, which take 10 ms to seconds per call: one call per iteration
/// (the monitoring strategy, no pilot or overhead stage), 1 warm-up and <c>TN_BENCH_ITERATIONS</c>
/// (default 7) measured iterations, run in the host process so that bench/decomp.sh can start one small
/// run per workload, interleaved with the NumPy peer, without a BenchmarkDotNet build each time.
/// </summary>
public sealed class DecompositionConfig : ManualConfig
{
    /// <summary>The short in-process job and the median column.</summary>
    public DecompositionConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(Iterations())
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Decomposition"));
        AddColumn(StatisticColumn.Median);
    }

    private static int Iterations() =>
        int.TryParse(Environment.GetEnvironmentVariable("TN_BENCH_ITERATIONS"), out int n) && n > 0 ? n : 7;
}
