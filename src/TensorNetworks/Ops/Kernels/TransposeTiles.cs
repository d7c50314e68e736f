using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorNetworks;

/// <summary>
/// The inner loop of a transposing copy, d[i·rowStride + j] = s[i + j·colStride]: the source is
/// contiguous along i, the destination along j. A band of up to <see cref="Size"/> destination rows is
/// swept in column blocks, so that every source line loaded is used whole while it is in L1; with AVX
/// each block is a set of in-register 8×8 (float) or 4×4 (double) transposes, elsewhere a scalar loop.
/// </summary>
internal static class TransposeTiles
{
    /// <summary>The band height, in elements: one 64-byte line of floats.</summary>
    internal const int Size = 16;

    /// <summary>Copies destination rows i in [first, end), every column j in [0, cols).</summary>
    internal static void Band<T>(ref T s, ref T d, int first, int end, int cols, int colStride, int rowStride) where T : unmanaged
    {
        if (typeof(T) == typeof(float) && Avx.IsSupported)
            Blocked<float, Float8x8>(ref Unsafe.As<T, float>(ref s), ref Unsafe.As<T, float>(ref d), first, end, cols, colStride, rowStride);
        else if (typeof(T) == typeof(double) && Avx.IsSupported)
            Blocked<double, Double4x4>(ref Unsafe.As<T, double>(ref s), ref Unsafe.As<T, double>(ref d), first, end, cols, colStride, rowStride);
        else Scalar(ref s, ref d, first, end, 0, cols, colStride, rowStride);
    }

    private static unsafe void Blocked<T, TBlock>(ref T s, ref T d, int first, int end, int cols, int colStride, int rowStride)
        where T : unmanaged
        where TBlock : IBlockTranspose<T>
    {
        int w = TBlock.Width;
        int fullRows = first + (end - first) / w * w;
        int j = 0;
        if ((long)rowStride * sizeof(T) % 4096 == 0)
        {
            // Destination rows 4 KiB apart share an L1 set: fill whole 64-byte destination lines
            // (two blocks side by side) before moving down, so no line is evicted half written.
            for (; j + 2 * w <= cols; j += 2 * w)
            {
                for (int i = first; i < fullRows; i += w)
                {
                    TBlock.Transpose(ref Unsafe.Add(ref s, i + j * colStride), colStride, ref Unsafe.Add(ref d, i * rowStride + j), rowStride);
                    TBlock.Transpose(ref Unsafe.Add(ref s, i + (j + w) * colStride), colStride, ref Unsafe.Add(ref d, i * rowStride + j + w), rowStride);
                }
            }
        }
        for (; j + w <= cols; j += w)
        {
            for (int i = first; i < fullRows; i += w)
                TBlock.Transpose(ref Unsafe.Add(ref s, i + j * colStride), colStride, ref Unsafe.Add(ref d, i * rowStride + j), rowStride);
        }
        Scalar(ref s, ref d, first, fullRows, j, cols, colStride, rowStride);
        Scalar(ref s, ref d, fullRows, end, 0, cols, colStride, rowStride);
    }

    private static void Scalar<T>(ref T s, ref T d, int first, int end, int firstCol, int cols, int colStride, int rowStride)
    {
        for (int j = firstCol; j < cols; j++)
        {
            ref T column = ref Unsafe.Add(ref s, j * colStride);
            for (int i = first; i < end; i++) Unsafe.Add(ref d, i * rowStride + j) = Unsafe.Add(ref column, i);
        }
    }

    /// <summary>An in-register transpose of a Width×Width block: Width source rows in, Width destination rows out.</summary>
    private interface IBlockTranspose<T>
    {
        static abstract int Width { get; }

        static abstract void Transpose(ref T s, int sourceStride, ref T d, int destinationStride);
    }

    private readonly struct Float8x8 : IBlockTranspose<float>
    {
        public static int Width => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Transpose(ref float s, int sourceStride, ref float d, int destinationStride)
        {
            Vector256<float> r0 = Vector256.LoadUnsafe(ref s), r1 = Vector256.LoadUnsafe(ref s, (nuint)sourceStride);
            Vector256<float> r2 = Vector256.LoadUnsafe(ref s, (nuint)(2 * sourceStride)), r3 = Vector256.LoadUnsafe(ref s, (nuint)(3 * sourceStride));
            Vector256<float> r4 = Vector256.LoadUnsafe(ref s, (nuint)(4 * sourceStride)), r5 = Vector256.LoadUnsafe(ref s, (nuint)(5 * sourceStride));
            Vector256<float> r6 = Vector256.LoadUnsafe(ref s, (nuint)(6 * sourceStride)), r7 = Vector256.LoadUnsafe(ref s, (nuint)(7 * sourceStride));

            Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
            Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
            Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
            Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);

            Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
            Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
            Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

            Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref d);
            Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref d, (nuint)destinationStride);
            Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref d, (nuint)(2 * destinationStride));
            Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref d, (nuint)(3 * destinationStride));
            Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref d, (nuint)(4 * destinationStride));
            Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref d, (nuint)(5 * destinationStride));
            Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref d, (nuint)(6 * destinationStride));
            Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref d, (nuint)(7 * destinationStride));
        }
    }

    private readonly struct Double4x4 : IBlockTranspose<double>
    {
        public static int Width => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Transpose(ref double s, int sourceStride, ref double d, int destinationStride)
        {
            Vector256<double> r0 = Vector256.LoadUnsafe(ref s), r1 = Vector256.LoadUnsafe(ref s, (nuint)sourceStride);
            Vector256<double> r2 = Vector256.LoadUnsafe(ref s, (nuint)(2 * sourceStride)), r3 = Vector256.LoadUnsafe(ref s, (nuint)(3 * sourceStride));

            Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
            Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);

            Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref d);
            Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref d, (nuint)destinationStride);
            Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref d, (nuint)(2 * destinationStride));
            Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref d, (nuint)(3 * destinationStride));
        }
    }
}
