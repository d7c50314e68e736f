using TensorNetworks.Benchmarks.Engine;

namespace TensorNetworks.Benchmarks.Einsum;

/// <summary>
/// One einsum peer workload: the equation and the Float32 operand shapes, shared by the benchmarks
/// and mirrored in bench/peers/einsum_peer.py.
/// </summary>
internal sealed record EinsumWorkload(string Equation, int[][] Shapes)
{
    /// <summary>CP reconstruction, rank 10: three 100×10 factors sharing the hyperedge r.</summary>
    internal static EinsumWorkload CpReconstruct { get; } = new("ir,jr,kr->ijk", [[100, 10], [100, 10], [100, 10]]);

    /// <summary>Tucker reconstruction: an 8³ core times three 64×8 factors.</summary>
    internal static EinsumWorkload TuckerReconstruct { get; } = new("abc,ia,jb,kc->ijk", [[8, 8, 8], [64, 8], [64, 8], [64, 8]]);

    /// <summary>
    /// A TT-matrix (MPO) applied to a batch of 256 inputs of 4×8×8×4 = 1024 features: cores
    /// G_k[r_{k-1}, in_k, out_k, r_k] with ranks 8 and boundary ranks 1 (labels x and y), output modes 4×8×8×4.
    /// </summary>
    internal static EinsumWorkload TtMatrixApply { get; } = new("nabcd,xaeA,AbfB,BcgC,Cdhy->nefgh",
        [[256, 4, 8, 8, 4], [1, 4, 4, 8], [8, 8, 8, 8], [8, 8, 8, 8], [8, 4, 4, 1]]);

    /// <summary>One MPS classifier site step over a batch of 512: features n×d, site core l×d×r, left environment n×l.</summary>
    internal static EinsumWorkload MpsSiteStep { get; } = new("nd,ldr,nl->nr", [[512, 2], [20, 2, 20], [512, 20]]);

    /// <summary>Seeded standard-normal operands of <see cref="Shapes"/>.</summary>
    internal Tensor[] Operands(Generator generator) => [.. Shapes.Select(shape => WorkloadData.Randn(generator, shape))];
}
