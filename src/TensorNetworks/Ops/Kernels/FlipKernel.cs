namespace TensorNetworks;

/// <summary>
/// Copies a tensor with the order of some axes reversed. The axes after the last flipped one form contiguous blocks
/// that move whole; the unit of work is a block (or, when the last axis itself is flipped, a whole row, copied and
/// reversed in place), and large tensors spread the units over the cores.
/// </summary>
internal static class FlipKernel
{
    internal static Tensor Run(Tensor t, bool[] flipped)
    {
        var result = Tensor.Uninitialized(t.DType, t.Dims);
        if (t.DType == DType.Float32) Run(t.Array<float>(), result.Array<float>(), t.Dims, flipped);
        else Run(t.Array<double>(), result.Array<double>(), t.Dims, flipped);
        GC.KeepAlive(t);
        return result;
    }

    private static void Run<T>(T[] x, T[] d, int[] dims, bool[] flipped) where T : unmanaged
    {
        int n = Shape.ElementCountOf(dims);
        int last = System.Array.LastIndexOf(flipped, true);
        if (n == 0) return;
        if (last < 0)
        {
            x.AsSpan(0, n).CopyTo(d);
            return;
        }
        int inner = Shape.ElementCountOf(dims.AsSpan(last + 1));
        bool rows = inner == 1;
        int unitLength = rows ? dims[last] : inner;
        int units = n / unitLength;
        var body = new Units<T>(x, d, dims, flipped, rows ? last : last + 1, unitLength, rows);
        if (n >= Parallelism.ElementwiseGrain) Parallelism.For(units, Math.Max(1, Parallelism.ElementwiseGrain / unitLength), body);
        else body.Run(0, units);
    }

    /// <summary>Unit u is the u-th run of <paramref name="unitLength"/> elements of the result; its multi-index over the
    /// first <paramref name="unitAxes"/> axes, mirrored on flipped axes, locates its source.</summary>
    private readonly struct Units<T>(T[] x, T[] d, int[] dims, bool[] flipped, int unitAxes, int unitLength, bool reverseRows) : IRangeBody
        where T : unmanaged
    {
        public void Run(int start, int length)
        {
            for (int u = start; u < start + length; u++)
            {
                int rest = u, source = 0, stride = unitLength;
                for (int a = unitAxes - 1; a >= 0; a--)
                {
                    int i = rest % dims[a];
                    rest /= dims[a];
                    source += (flipped[a] ? dims[a] - 1 - i : i) * stride;
                    stride *= dims[a];
                }
                RowCopy.Copy(ref x[source], ref d[u * unitLength], unitLength);
                if (reverseRows) d.AsSpan(u * unitLength, unitLength).Reverse();
            }
        }
    }
}
