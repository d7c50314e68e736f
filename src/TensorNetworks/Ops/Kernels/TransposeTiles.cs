using System.Runtime.CompilerServices;

namespace TensorNetworks;

/// <summary>
/// The inner loop of a transposing copy, d[i·rowStride + j] = s[i + j·colStride]: the source is
/// contiguous along i, the destination along j. Work goes in Size×Size tiles so that the lines read and
/// the lines written both stay in L1 while a tile is copied.
/// </summary>
internal static class TransposeTiles
{
    /// <summary>The tile edge, in elements.</summary>
    internal const int Size = 16;

    /// <summary>Copies rows i in [first, end) of the destination, every column j in [0, cols).</summary>
    internal static void Band<T>(ref T s, ref T d, int first, int end, int cols, int colStride, int rowStride) where T : unmanaged
    {
        for (int j0 = 0; j0 < cols; j0 += Size)
        {
            int j1 = Math.Min(j0 + Size, cols);
            for (int j = j0; j < j1; j++)
            {
                ref T column = ref Unsafe.Add(ref s, j * colStride);
                for (int i = first; i < end; i++) Unsafe.Add(ref d, i * rowStride + j) = Unsafe.Add(ref column, i);
            }
        }
    }
}
