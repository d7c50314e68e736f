using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks;

/// <summary>
/// Copies between two strided views of equal extents: dst[dstOffset + Σ i_k·dstStrides_k] =
/// src[srcOffset + Σ i_k·srcStrides_k]. It serves permute, broadcast (stride 0), narrow, slice,
/// select and diagonal (gathers into a contiguous result) and their backward passes (scatters).
/// </summary>
/// <remarks>
/// After <see cref="CopyLayout.Collapse"/>, a short run contiguous in both views (8, 16 or 32
/// bytes: 2, 4 or 8 floats, 2 or 4 doubles) moves as one wide element, so a permutation that keeps a small
/// trailing axis is still a plain transpose rather than many tiny row copies. The axis the destination writes contiguously then goes last. When the
/// source reads that axis contiguously too, rows are block copies (or fills, for stride 0); when the
/// source is contiguous along another axis the copy is a (batched) transpose and runs in cache-sized
/// tiles (<see cref="TransposeTiles"/>); otherwise rows are strided loops. Large copies split their
/// rows or tile bands across cores, and cut a row of 512 KiB or more into 256 KiB pieces.
/// </remarks>
internal static class StridedCopy
{
    /// <summary>A new contiguous tensor of extents <paramref name="dims"/> read from a strided view of <paramref name="source"/>.</summary>
    internal static Tensor Gather(Tensor source, int offset, int[] dims, int[] strides)
    {
        var result = Tensor.Uninitialized(source.DType, dims);
        Copy(source, offset, strides, result, 0, Tensor.StridesOf(dims), dims);
        return result;
    }

    /// <summary>A zero tensor of extents <paramref name="targetDims"/> with <paramref name="values"/> written into a strided view of it.</summary>
    internal static Tensor ScatterIntoZeros(Tensor values, int[] targetDims, int offset, int[] strides)
    {
        var result = Tensor.ZerosOf(values.DType, targetDims);
        Copy(values, 0, Tensor.StridesOf(values.Dims), result, offset, strides, values.Dims);
        return result;
    }

    /// <summary>Copies the view (sourceOffset, sourceStrides) of <paramref name="source"/> into the view
    /// (destinationOffset, destinationStrides) of <paramref name="destination"/>; both views have extents <paramref name="dims"/>.</summary>
    internal static void Copy(Tensor source, int sourceOffset, int[] sourceStrides, Tensor destination, int destinationOffset, int[] destinationStrides, int[] dims)
    {
        if (source.DType == DType.Float32)
            Copy(source.Array<float>(), source.ElementCount, sourceOffset, sourceStrides, destination.Array<float>(), destination.ElementCount, destinationOffset, destinationStrides, dims);
        else
            Copy(source.Array<double>(), source.ElementCount, sourceOffset, sourceStrides, destination.Array<double>(), destination.ElementCount, destinationOffset, destinationStrides, dims);
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
    }

    /// <summary>The copy on arrays; only the first <paramref name="srcCount"/> and <paramref name="dstCount"/>
    /// elements belong to the two tensors (pooled arrays may be longer).</summary>
    private static void Copy<T>(T[] src, int srcCount, int srcOffset, int[] srcStrides, T[] dst, int dstCount, int dstOffset, int[] dstStrides, int[] dims)
        where T : unmanaged
    {
        CopyLayout? layout = CopyLayout.Collapse(dims, srcStrides, dstStrides);
        if (layout is null) return;
        layout.RequireInside(srcOffset, srcCount, dstOffset, dstCount);
        if (layout.Count == 0)
        {
            dst[dstOffset] = src[srcOffset];
            return;
        }

        int run = layout.Count > 1 && layout.Source[^1] == 1 && layout.Destination[^1] == 1 ? layout.Dims[layout.Count - 1] : 0;
        int bytes = run * Unsafe.SizeOf<T>();
        CopyLayout? wide = bytes is 8 or 16 or 32 ? layout.Widen(run, srcOffset, dstOffset) : null;
        switch (wide is null ? 0 : bytes)
        {
            case 8: Run<T, double>(src, srcOffset / run, dst, dstOffset / run, wide!); break;
            case 16: Run<T, Vector128<byte>>(src, srcOffset / run, dst, dstOffset / run, wide!); break;
            case 32: Run<T, Vector256<byte>>(src, srcOffset / run, dst, dstOffset / run, wide!); break;
            default: Run<T, T>(src, srcOffset, dst, dstOffset, layout); break;
        }
    }

    /// <summary>Runs the copy moving elements of type <typeparamref name="TMove"/>; offsets and strides count those.</summary>
    private static void Run<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout)
        where T : unmanaged
        where TMove : unmanaged
    {
        if (layout.Count == 0)
        {
            At<T, TMove>(dst, dstOffset) = At<T, TMove>(src, srcOffset);
            return;
        }
        int last = layout.Count - 1;
        int inner = layout.UnitAxis(layout.Destination);
        if (inner < 0) inner = layout.UnitAxis(layout.Source);
        if (inner >= 0) layout.MoveAxis(inner, last);

        int transposed = layout.Source[last] == 1 || layout.Destination[last] != 1 ? -1 : layout.UnitAxis(layout.Source);
        if (transposed >= 0)
        {
            layout.MoveAxis(transposed, last - 1);
            Tiles<T, TMove>(src, srcOffset, dst, dstOffset, layout);
        }
        else Rows<T, TMove>(src, srcOffset, dst, dstOffset, layout);
    }

    /// <summary>Element <paramref name="offset"/> of <paramref name="array"/> read as an array of <typeparamref name="TMove"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref TMove At<T, TMove>(T[] array, int offset) where T : unmanaged where TMove : unmanaged
        => ref Unsafe.Add(ref Unsafe.As<T, TMove>(ref MemoryMarshal.GetArrayDataReference(array)), offset);

    private static void Rows<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout) where T : unmanaged where TMove : unmanaged
    {
        int length = layout.Dims[layout.Count - 1];
        int rows = (int)(layout.ElementCount / length);
        if (layout.ElementCount * Unsafe.SizeOf<TMove>() < Parallelism.ElementwiseGrain * sizeof(float))
            RowRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, 0, rows);
        else if (length >= 2 * SegmentLength<TMove>())
            SegmentsParallel<T, TMove>(src, srcOffset, dst, dstOffset, layout, rows, (length + SegmentLength<TMove>() - 1) / SegmentLength<TMove>());
        else if (rows > 1)
            RowsParallel<T, TMove>(src, srcOffset, dst, dstOffset, layout, rows, Math.Max(1, Parallelism.ElementwiseGrain / length));
        else RowRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, 0, rows);
    }

    /// <summary>The elements of one parallel piece of a long row: as many bytes as
    /// <see cref="Parallelism.ElementwiseGrain"/> float32 elements.</summary>
    private static int SegmentLength<TMove>() where TMove : unmanaged => Parallelism.ElementwiseGrain * sizeof(float) / Unsafe.SizeOf<TMove>();

    private static void RowsParallel<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int rows, int grain) where T : unmanaged where TMove : unmanaged
        => Parallelism.For(rows, grain, new RowPieces<T, TMove>(src, srcOffset, dst, dstOffset, layout));

    private readonly struct RowPieces<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout) : IRangeBody
        where T : unmanaged where TMove : unmanaged
    {
        public void Run(int start, int length) => RowRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, start, length);
    }

    /// <summary>Rows too long to balance the cores by whole rows (a concatenation of two vectors, a narrowed block of
    /// contiguous rows): each row is cut into <paramref name="segments"/> pieces of <see cref="SegmentLength"/> elements,
    /// and the pieces, rows × segments of them, run across the cores.</summary>
    private static void SegmentsParallel<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int rows, int segments) where T : unmanaged where TMove : unmanaged
        => Parallelism.For(rows * segments, 1, new SegmentPieces<T, TMove>(src, srcOffset, dst, dstOffset, layout, segments));

    private readonly struct SegmentPieces<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int segments) : IRangeBody
        where T : unmanaged where TMove : unmanaged
    {
        public void Run(int start, int length) => SegmentRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, segments, start, length);
    }

    private static void SegmentRange<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int segments, int start, int count) where T : unmanaged where TMove : unmanaged
    {
        int last = layout.Count - 1;
        int length = layout.Dims[last], srcStep = layout.Source[last], dstStep = layout.Destination[last], piece = SegmentLength<TMove>();
        Span<int> index = stackalloc int[last];
        ref TMove s = ref At<T, TMove>(src, srcOffset);
        ref TMove d = ref At<T, TMove>(dst, dstOffset);
        for (int unit = start; unit < start + count; unit++)
        {
            (int row, int segment) = Math.DivRem(unit, segments);
            var odometer = new Odometer(layout.Dims.AsSpan(0, last), layout.Source.AsSpan(0, last), layout.Destination.AsSpan(0, last), index, row);
            int first = segment * piece;
            Row(ref Unsafe.Add(ref s, odometer.A + first * srcStep), srcStep, ref Unsafe.Add(ref d, odometer.B + first * dstStep), dstStep, Math.Min(piece, length - first));
        }
    }

    private static void RowRange<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int start, int count) where T : unmanaged where TMove : unmanaged
    {
        int last = layout.Count - 1;
        int length = layout.Dims[last], srcStep = layout.Source[last], dstStep = layout.Destination[last];
        Span<int> index = stackalloc int[last];
        var odometer = new Odometer(layout.Dims.AsSpan(0, last), layout.Source.AsSpan(0, last), layout.Destination.AsSpan(0, last), index, start);
        ref TMove s = ref At<T, TMove>(src, srcOffset);
        ref TMove d = ref At<T, TMove>(dst, dstOffset);
        for (int r = 0; r < count; r++)
        {
            Row(ref Unsafe.Add(ref s, odometer.A), srcStep, ref Unsafe.Add(ref d, odometer.B), dstStep, length);
            odometer.Next();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row<T>(ref T s, int srcStep, ref T d, int dstStep, int length) where T : unmanaged
    {
        if (srcStep == 1 && dstStep == 1) RowCopy.Copy(ref s, ref d, length);
        else if (srcStep == 0 && dstStep == 1) MemoryMarshal.CreateSpan(ref d, length).Fill(s);
        else
        {
            for (int j = 0; j < length; j++) Unsafe.Add(ref d, j * dstStep) = Unsafe.Add(ref s, j * srcStep);
        }
    }

    /// <summary>The last two axes form a transpose: the source is contiguous along axis Count-2, the destination along Count-1.</summary>
    private static void Tiles<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout) where T : unmanaged where TMove : unmanaged
    {
        int rows = layout.Dims[layout.Count - 2], cols = layout.Dims[layout.Count - 1];
        int bands = (rows + TransposeTiles.Size - 1) / TransposeTiles.Size;
        int units = (int)(layout.ElementCount / ((long)rows * cols)) * bands;
        if (units > 1 && layout.ElementCount * Unsafe.SizeOf<TMove>() >= Parallelism.ElementwiseGrain * sizeof(float))
            TilesParallel<T, TMove>(src, srcOffset, dst, dstOffset, layout, units, Math.Max(1, Parallelism.ElementwiseGrain / (TransposeTiles.Size * cols)));
        else TileRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, 0, units);
    }

    private static void TilesParallel<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int units, int grain) where T : unmanaged where TMove : unmanaged
        => Parallelism.For(units, grain, (start, count) => TileRange<T, TMove>(src, srcOffset, dst, dstOffset, layout, start, count));

    private static void TileRange<T, TMove>(T[] src, int srcOffset, T[] dst, int dstOffset, CopyLayout layout, int start, int count) where T : unmanaged where TMove : unmanaged
    {
        int outer = layout.Count - 2;
        int rows = layout.Dims[outer], cols = layout.Dims[outer + 1];
        int colStride = layout.Source[outer + 1], rowStride = layout.Destination[outer];
        int bands = (rows + TransposeTiles.Size - 1) / TransposeTiles.Size;
        Span<int> index = stackalloc int[outer];
        var odometer = new Odometer(layout.Dims.AsSpan(0, outer), layout.Source.AsSpan(0, outer), layout.Destination.AsSpan(0, outer), index, start / bands);
        int band = start % bands;
        ref TMove s = ref At<T, TMove>(src, srcOffset);
        ref TMove d = ref At<T, TMove>(dst, dstOffset);
        for (int u = 0; u < count; u++)
        {
            int first = band * TransposeTiles.Size;
            TransposeTiles.Band(ref Unsafe.Add(ref s, odometer.A), ref Unsafe.Add(ref d, odometer.B), first, Math.Min(first + TransposeTiles.Size, rows), cols, colStride, rowStride);
            if (++band == bands)
            {
                band = 0;
                odometer.Next();
            }
        }
    }
}
