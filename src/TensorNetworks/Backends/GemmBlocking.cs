using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks.Backends;

/// <summary>
/// Cache blocking of the packed GEMM (Goto/BLIS scheme): an MR×NR register tile, a KC-deep slice of
/// the inner dimension, MC rows of A kept in L2 and NC columns of B kept in L3. NR is two 256-bit
/// vectors (16 floats or 8 doubles); the other sizes were chosen by measurement on the bench machine.
/// </summary>
internal static class GemmBlocking<T> where T : unmanaged
{
    /// <summary>Rows of the register tile.</summary>
    internal const int MR = 6;

    /// <summary>Columns of the register tile: 64 bytes, two Vector256 registers.</summary>
    internal static readonly int NR = 2 * Vector256<T>.Count;

    /// <summary>Depth of one packed slice: an A sliver (MR×KC) and a B sliver (KC×NR) fit in L1.</summary>
    internal static readonly int KC = Unsafe.SizeOf<T>() == 4 ? 384 : 256;

    /// <summary>Largest row block of packed A (MC×KC stays in L2); a multiple of MR.</summary>
    internal static readonly int MC = Unsafe.SizeOf<T>() == 4 ? 144 : 96;

    /// <summary>Largest column block of packed B (KC×NC, shared by all threads); a multiple of NR.</summary>
    internal static readonly int NC = Unsafe.SizeOf<T>() == 4 ? 3072 : 2048;
}
