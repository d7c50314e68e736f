namespace TensorNetworks;

/// <summary>
/// Copies the upper or lower triangle of every matrix in the last two axes and writes zeros elsewhere: each row is a
/// kept span and a cleared span, so NaN and ∞ outside the triangle become 0 (as in PyTorch). Rows spread over the cores
/// for large tensors.
/// </summary>
internal static class TriangleKernel
{
    /// <summary>Keeps x[…, i, j] where j − i ≥ <paramref name="diagonal"/> (upper) or j − i ≤ it (lower).</summary>
    internal static Tensor Run(Tensor t, int diagonal, bool upper)
    {
        var result = Tensor.Uninitialized(t.DType, t.Dims);
        int rows = t.Dims[^2], cols = t.Dims[^1];
        if (t.DType == DType.Float32) Run(t.Array<float>(), result.Array<float>(), t.ElementCount, rows, cols, diagonal, upper);
        else Run(t.Array<double>(), result.Array<double>(), t.ElementCount, rows, cols, diagonal, upper);
        GC.KeepAlive(t);
        return result;
    }

    private static void Run<T>(T[] x, T[] d, int n, int rows, int cols, int diagonal, bool upper) where T : unmanaged
    {
        if (n == 0) return;
        var body = new Rows<T>(x, d, rows, cols, diagonal, upper);
        int lines = n / cols;
        if (n >= Parallelism.ElementwiseGrain) Parallelism.For(lines, Math.Max(1, Parallelism.ElementwiseGrain / cols), body);
        else body.Run(0, lines);
    }

    private readonly struct Rows<T>(T[] x, T[] d, int rows, int cols, int diagonal, bool upper) : IRangeBody where T : unmanaged
    {
        public void Run(int start, int length)
        {
            for (int line = start; line < start + length; line++)
            {
                long i = line % rows;
                int edge = (int)Math.Clamp(upper ? i + diagonal : i + diagonal + 1, 0, cols);
                Span<T> row = d.AsSpan(line * cols, cols);
                ReadOnlySpan<T> source = x.AsSpan(line * cols, cols);
                if (upper)
                {
                    row[..edge].Clear();
                    source[edge..].CopyTo(row[edge..]);
                }
                else
                {
                    source[..edge].CopyTo(row);
                    row[edge..].Clear();
                }
            }
        }
    }
}
