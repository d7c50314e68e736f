using BenchmarkDotNet.Attributes;
using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Benchmarks.Decompositions;

/// <summary>
/// The decomposition workloads of <see cref="DecompositionWorkload"/>, each peered in bench/peers/decomp_peer.py,
/// plus the 1024³ Float64 <see cref="TN.MatMul"/> whose rate sets the floors. CP-ALS is timed as whole fits of
/// 1 and 6 sweeps (random start, tolerance 0); bench/decomp.sh reports their difference over 5 as the cost of
/// one sweep. Run: <c>bench/decomp.sh</c> (or <c>--filter '*DecompositionBenchmarks*'</c>).
/// </summary>
[Config(typeof(DecompositionConfig))]
[MemoryDiagnoser]
public class DecompositionBenchmarks
{
    private Tensor _cube = null!;
    private Tensor _trainInput = null!;
    private TensorTrain _sum = null!;
    private Tensor _a = null!, _b = null!;
    private int[] _ttSvdCaps = null!, _roundCaps = null!;

    /// <summary>Seeded inputs: the 200³ tensor, the 4^10 tensor, the sum of two trains and the GEMM operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// tn backend: {TN.BackendInfo}");
        var generator = new Generator(11);
        int n = DecompositionWorkload.CubeSize;
        _cube = DecompositionWorkload.Randn(generator, n, n, n);
        _trainInput = DecompositionWorkload.Randn(generator, [.. Enumerable.Repeat(DecompositionWorkload.TtSvdModeSize, DecompositionWorkload.TtSvdOrder)]);
        _ttSvdCaps = DecompositionWorkload.Ranks(DecompositionWorkload.TtSvdOrder, DecompositionWorkload.TtSvdModeSize, DecompositionWorkload.TtSvdMaxRank);
        _sum = DecompositionWorkload.RoundingInput(generator);
        _roundCaps = DecompositionWorkload.Ranks(DecompositionWorkload.RoundOrder, DecompositionWorkload.RoundModeSize, DecompositionWorkload.RoundRank);
        _a = DecompositionWorkload.Randn(generator, DecompositionWorkload.GemmSize, DecompositionWorkload.GemmSize);
        _b = DecompositionWorkload.Randn(generator, DecompositionWorkload.GemmSize, DecompositionWorkload.GemmSize);
    }

    /// <summary>1024³ Float64 GEMM: 2·1024³ FLOPs, the rate the floors divide by.</summary>
    [Benchmark]
    public Tensor Gemm1024() => TN.MatMul(_a, _b);

    /// <summary>CP-ALS, rank 20, on the 200³ tensor: one sweep plus the fit's fixed costs.</summary>
    [Benchmark]
    public CpAlsResult CpAls1Sweep() => CpAls.Fit(_cube, DecompositionWorkload.CpRank, Sweeps(1));

    /// <summary>CP-ALS, rank 20, on the 200³ tensor: six sweeps plus the fit's fixed costs.</summary>
    [Benchmark]
    public CpAlsResult CpAls6Sweeps() => CpAls.Fit(_cube, DecompositionWorkload.CpRank, Sweeps(6));

    /// <summary>Truncated HOSVD of the 200³ tensor to ranks (20, 20, 20).</summary>
    [Benchmark]
    public TuckerTensor Hosvd() =>
        Models.Decompositions.Hosvd.Fit(_cube, [DecompositionWorkload.TuckerRank, DecompositionWorkload.TuckerRank, DecompositionWorkload.TuckerRank]);

    /// <summary>TT-SVD of the 4^10 tensor, ε = 0, ranks capped at 32.</summary>
    [Benchmark]
    public TensorTrain TtSvd() => Models.Decompositions.TtSvd.Decompose(_trainInput, 0, _ttSvdCaps);

    /// <summary>TT rounding of the sum of two rank-20 trains (order 20, mode size 4) back to rank 20, ε = 0.</summary>
    [Benchmark]
    public TensorTrain TtRound() => TtRounding.Round(_sum, 0, _roundCaps);

    private static CpAlsOptions Sweeps(int count) => new() { MaxIterations = count, Tolerance = 0, Seed = 3 };
}
