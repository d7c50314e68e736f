using BenchmarkDotNet.Attributes;
using TensorNetworks.Benchmarks.Engine;

namespace TensorNetworks.Benchmarks.Einsum;

/// <summary>
/// Contraction-path planning, with no peer: <see cref="ContractionPlanner.Plan(IReadOnlyList{int[]}, int[], IReadOnlyDictionary{int, int}, PlanOptions?)"/> itself (uncached) on a
/// 100-site MPS inner product (200 operands, greedy), a 200-matrix chain (greedy) and the TT-matrix apply
/// of <see cref="EinsumWorkload.TtMatrixApply"/> (5 operands, optimal); and, for the per-call cost that
/// every einsum pays, the plan-cache lookup of that TT-matrix apply. Goals: 10 ms, 50 ms and 1 ms.
/// </summary>
[Config(typeof(EngineConfig))]
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private const int Sites = 100;
    private const int ChainLength = 200;

    private PlanningProblem _mpsInnerProduct = null!;
    private PlanningProblem _chain = null!;
    private PlanningProblem _ttMatrixApply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mpsInnerProduct = PlanningProblem.MpsInnerProduct(Sites, physicalDim: 2, bondDim: 8);
        _chain = PlanningProblem.MatrixChain(new Generator(6), ChainLength, minBond: 2, maxBond: 32);
        _ttMatrixApply = PlanningProblem.Of(EinsumWorkload.TtMatrixApply);
    }

    [Benchmark]
    public ContractionPlan PlanMpsInnerProduct100Sites() => _mpsInnerProduct.Plan();

    [Benchmark]
    public ContractionPlan PlanMatrixChain200() => _chain.Plan();

    [Benchmark]
    public ContractionPlan PlanTtMatrixApply() => _ttMatrixApply.Plan();

    [Benchmark]
    public ContractionPlan CachedPlanTtMatrixApply() => _ttMatrixApply.CachedPlan();
}
