namespace TensorNetworks.Benchmarks.Engine;

/// <summary>Seeded Float32 inputs shared by the engine benchmarks.</summary>
internal static class WorkloadData
{
    internal static Tensor Randn(Generator generator, params int[] shape) => TN.Randn(generator, DType.Float32, shape);

    /// <summary>Prints the active backend into BenchmarkDotNet's log, so every run records what it measured.</summary>
    internal static void ReportBackend() => Console.WriteLine($"// tn backend: {TN.BackendInfo}");
}
