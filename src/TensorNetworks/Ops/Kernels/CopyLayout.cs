namespace TensorNetworks;

/// <summary>
/// The shape of a copy between two strided views of equal extents: element i (a multi-index) moves
/// from source offset Σ i_k·Source_k to destination offset Σ i_k·Destination_k. The axis order is
/// free (any order visits the same pairs), so <see cref="Collapse"/> drops axes of extent 1 and merges
/// axes that are adjacent in both views, and the kernels reorder axes to suit their loops.
/// </summary>
internal sealed class CopyLayout
{
    private CopyLayout(int[] dims, int[] source, int[] destination, int count)
    {
        Dims = dims;
        Source = source;
        Destination = destination;
        Count = count;
    }

    internal int[] Dims { get; }

    internal int[] Source { get; }

    internal int[] Destination { get; }

    /// <summary>Number of axes left after collapsing (0 for a single element).</summary>
    internal int Count { get; }

    /// <summary>Π Dims: the number of elements copied.</summary>
    internal long ElementCount
    {
        get
        {
            long n = 1;
            for (int i = 0; i < Count; i++) n *= Dims[i];
            return n;
        }
    }

    /// <summary>
    /// Drops extent-1 axes and merges axis k into k - 1 when both views step over axis k - 1 exactly as
    /// far as over all of axis k (stride[k-1] = stride[k]·dims[k] on both sides). Null when an extent is 0.
    /// </summary>
    internal static CopyLayout? Collapse(ReadOnlySpan<int> dims, ReadOnlySpan<int> source, ReadOnlySpan<int> destination)
    {
        var d = new int[dims.Length];
        var s = new int[dims.Length];
        var t = new int[dims.Length];
        int n = 0;
        for (int k = 0; k < dims.Length; k++)
        {
            if (dims[k] == 0) return null;
            if (dims[k] == 1) continue;
            if (n > 0 && s[n - 1] == source[k] * dims[k] && t[n - 1] == destination[k] * dims[k])
            {
                d[n - 1] *= dims[k];
                s[n - 1] = source[k];
                t[n - 1] = destination[k];
                continue;
            }
            d[n] = dims[k];
            s[n] = source[k];
            t[n] = destination[k];
            n++;
        }
        return new CopyLayout(d, s, t, n);
    }

    /// <summary>Moves axis <paramref name="from"/> to position <paramref name="to"/>, keeping the others in
    /// order (the copy is unchanged; only the visiting order moves).</summary>
    internal void MoveAxis(int from, int to)
    {
        Move(Dims, from, to);
        Move(Source, from, to);
        Move(Destination, from, to);
    }

    private static void Move(int[] values, int from, int to)
    {
        int moved = values[from];
        if (from < to) System.Array.Copy(values, from + 1, values, from, to - from);
        else System.Array.Copy(values, to, values, to + 1, from - to);
        values[to] = moved;
    }

    /// <summary>
    /// The same copy with each run of <paramref name="run"/> elements along the last axis (contiguous in
    /// both views, extent <paramref name="run"/>) moved as one wide element: the last axis is dropped and
    /// the other strides are divided by the run. Null unless every stride and both offsets are multiples
    /// of the run.
    /// </summary>
    internal CopyLayout? Widen(int run, int sourceOffset, int destinationOffset)
    {
        if (sourceOffset % run != 0 || destinationOffset % run != 0) return null;
        int n = Count - 1;
        var s = new int[n];
        var t = new int[n];
        for (int k = 0; k < n; k++)
        {
            if (Source[k] % run != 0 || Destination[k] % run != 0) return null;
            s[k] = Source[k] / run;
            t[k] = Destination[k] / run;
        }
        return Collapse(Dims.AsSpan(0, n), s, t);
    }

    /// <summary>The first axis whose stride in <paramref name="strides"/> is 1, or -1.</summary>
    internal int UnitAxis(int[] strides)
    {
        for (int k = 0; k < Count; k++)
            if (strides[k] == 1) return k;
        return -1;
    }

    /// <summary>Throws when a view would reach outside its storage: the kernels index without bounds checks.</summary>
    internal void RequireInside(int sourceOffset, int sourceLength, int destinationOffset, int destinationLength)
    {
        long lastSource = sourceOffset, lastDestination = destinationOffset;
        bool negative = sourceOffset < 0 || destinationOffset < 0;
        for (int k = 0; k < Count; k++)
        {
            negative |= Source[k] < 0 || Destination[k] < 0;
            lastSource += (long)(Dims[k] - 1) * Source[k];
            lastDestination += (long)(Dims[k] - 1) * Destination[k];
        }
        if (negative || lastSource >= sourceLength || lastDestination >= destinationLength)
            throw new InvalidOperationException($"Internal error in a strided copy: extents [{string.Join(", ", Dims[..Count])}] with source strides [{string.Join(", ", Source[..Count])}] from offset {sourceOffset} (storage {sourceLength}) and destination strides [{string.Join(", ", Destination[..Count])}] from offset {destinationOffset} (storage {destinationLength}) leave the storage.");
    }
}
