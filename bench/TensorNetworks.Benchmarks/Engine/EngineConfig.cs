using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace TensorNetworks.Benchmarks.Engine;

/// <summary>
/// The job for the engine and einsum peer workloads on a shared 2-core machine: two launches (so one unlucky
/// process does not decide the figure), each with 3 warm-up and 15 measured iterations of ~250 ms,
/// so a µs-scale benchmark takes about 12 s and its median is stable to a few percent. The backend
/// is whatever <c>TN_BACKEND</c> selects: the benchmark processes inherit the environment and the
/// engine reads it at first use.
/// </summary>
public sealed class EngineConfig : ManualConfig
{
    public EngineConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(2)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Engine"));
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>
/// The job for second-scale workloads (a large GEMM on the placeholder kernel): every iteration is
/// a single call, so fewer of them keep the run short.
/// </summary>
public sealed class EngineLongConfig : ManualConfig
{
    public EngineLongConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithId("EngineLong"));
        AddColumn(StatisticColumn.Median);
    }
}
