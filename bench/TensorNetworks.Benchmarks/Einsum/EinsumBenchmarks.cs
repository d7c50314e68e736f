using BenchmarkDotNet.Attributes;
using TensorNetworks.Benchmarks.Engine;

namespace TensorNetworks.Benchmarks.Einsum;

/// <summary>
/// The einsum peer workloads (<see cref="EinsumWorkload"/>) through <see cref="TN.Einsum(string, Tensor[])"/>:
/// the forward alone, and forward plus backward of Σ result into every operand (gradients cleared first,
/// as PyTorch's <c>zero_grad(set_to_none=True)</c> does). Each call finds its compiled program by equation
/// and shapes, as a training loop's call does. The <c>Scoped</c> forms run the same call inside
/// <see cref="TN.Scope"/>, which releases every intermediate at its end as PyTorch's reference counting does.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class EinsumBenchmarks
{
    private Operands _cp = null!;
    private Operands _tucker = null!;
    private Operands _ttMatrix = null!;
    private Operands _mps = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkloadData.ReportBackend();
        var generator = new Generator(5);
        _cp = new Operands(EinsumWorkload.CpReconstruct, generator);
        _tucker = new Operands(EinsumWorkload.TuckerReconstruct, generator);
        _ttMatrix = new Operands(EinsumWorkload.TtMatrixApply, generator);
        _mps = new Operands(EinsumWorkload.MpsSiteStep, generator);
    }

    [Benchmark]
    public Tensor CpReconstruct() => _cp.Forward();

    [Benchmark]
    public Tensor? CpReconstructForwardBackward() => _cp.ForwardBackward();

    [Benchmark]
    public Tensor TuckerReconstruct() => _tucker.Forward();

    [Benchmark]
    public Tensor? TuckerReconstructForwardBackward() => _tucker.ForwardBackward();

    [Benchmark]
    public Tensor TtMatrixApply() => _ttMatrix.Forward();

    [Benchmark]
    public Tensor? TtMatrixApplyForwardBackward() => _ttMatrix.ForwardBackward();

    [Benchmark]
    public Tensor MpsSiteStep() => _mps.Forward();

    [Benchmark]
    public Tensor? MpsSiteStepForwardBackward() => _mps.ForwardBackward();

    [Benchmark]
    public void CpReconstructScoped() => Scoped(_cp.Forward);

    [Benchmark]
    public void CpReconstructForwardBackwardScoped() => Scoped(_cp.ForwardBackward);

    [Benchmark]
    public void TuckerReconstructScoped() => Scoped(_tucker.Forward);

    [Benchmark]
    public void TuckerReconstructForwardBackwardScoped() => Scoped(_tucker.ForwardBackward);

    [Benchmark]
    public void TtMatrixApplyScoped() => Scoped(_ttMatrix.Forward);

    [Benchmark]
    public void TtMatrixApplyForwardBackwardScoped() => Scoped(_ttMatrix.ForwardBackward);

    [Benchmark]
    public void MpsSiteStepScoped() => Scoped(_mps.Forward);

    [Benchmark]
    public void MpsSiteStepForwardBackwardScoped() => Scoped(_mps.ForwardBackward);

    private static void Scoped(Func<Tensor?> run)
    {
        using (TN.Scope()) run();
    }

    /// <summary>A workload's operands, once plain and once as leaves requiring gradients.</summary>
    private sealed class Operands(EinsumWorkload workload, Generator generator)
    {
        private readonly Tensor[] _plain = workload.Operands(generator);
        private readonly Tensor[] _tracked = workload.Operands(generator).Select(t => t.RequiringGrad()).ToArray();

        internal Tensor Forward() => TN.Einsum(workload.Equation, _plain);

        internal Tensor? ForwardBackward()
        {
            foreach (Tensor t in _tracked) t.Grad = null;
            TN.Einsum(workload.Equation, _tracked).Sum().Backward();
            return _tracked[^1].Grad;
        }
    }
}
