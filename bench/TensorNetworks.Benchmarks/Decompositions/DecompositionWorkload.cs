using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Benchmarks.Decompositions;

/// <summary>
/// The sizes and seeded Float64 inputs of the decomposition workloads, mirrored in bench/peers/decomp_peer.py
/// (which also holds the FLOP counts of the floors).
/// </summary>
internal static class DecompositionWorkload
{
    /// <summary>Mode size of the dense CP-ALS and HOSVD tensor (I = J = K).</summary>
    internal const int CubeSize = 200;

    /// <summary>CP rank R.</summary>
    internal const int CpRank = 20;

    /// <summary>HOSVD multilinear rank in every mode.</summary>
    internal const int TuckerRank = 20;

    /// <summary>Order and mode size of the TT-SVD input (4^10 entries).</summary>
    internal const int TtSvdOrder = 10, TtSvdModeSize = 4;

    /// <summary>TT-SVD rank cap; ε = 0, so the ranks are min(4^k, 4^(10−k), 32).</summary>
    internal const int TtSvdMaxRank = 32;

    /// <summary>Order, mode size and rank of the two trains whose sum is rounded (back to <see cref="RoundRank"/>).</summary>
    internal const int RoundOrder = 20, RoundModeSize = 4, RoundRank = 20;

    /// <summary>Side of the square GEMM that measures this machine's dgemm rate.</summary>
    internal const int GemmSize = 1024;

    /// <summary>Standard-normal Float64 tensor of the given shape.</summary>
    internal static Tensor Randn(Generator generator, params int[] shape) => TN.Randn(generator, DType.Float64, shape);

    /// <summary>Uniform caps r_0..r_d for a train of <paramref name="order"/> modes (boundary caps 1), clamped to
    /// what the unfoldings of mode size <paramref name="modeSize"/> allow: min(n^k, n^(d−k), cap).</summary>
    internal static int[] Ranks(int order, int modeSize, int cap)
    {
        var ranks = new int[order + 1];
        for (int k = 0; k <= order; k++)
            ranks[k] = (int)Math.Min(cap, Math.Min(Math.Pow(modeSize, k), Math.Pow(modeSize, order - k)));
        return ranks;
    }

    /// <summary>The sum of two random trains of <see cref="RoundOrder"/> modes of size <see cref="RoundModeSize"/>
    /// and ranks up to <see cref="RoundRank"/>: inner ranks up to 2·<see cref="RoundRank"/>.</summary>
    internal static TensorTrain RoundingInput(Generator generator)
    {
        int[] shape = [.. Enumerable.Repeat(RoundModeSize, RoundOrder)];
        int[] ranks = Ranks(RoundOrder, RoundModeSize, RoundRank);
        return TensorTrain.Random(generator, shape, ranks) + TensorTrain.Random(generator, shape, ranks);
    }
}
