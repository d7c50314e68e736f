namespace TensorNetworks.Tests.Linalg;

/// <summary>Naive element-loop references for the tensor kernels (unfold, Khatri–Rao, mode product, MTTKRP).</summary>
internal static class TensorKernelReference
{
    /// <summary>Every multi-index of <paramref name="shape"/> in row-major order.</summary>
    public static IEnumerable<int[]> Indices(int[] shape)
    {
        int total = shape.Aggregate(1, (p, d) => p * d);
        var index = new int[shape.Length];
        for (int flat = 0; flat < total; flat++)
        {
            int rest = flat;
            for (int a = shape.Length - 1; a >= 0; a--)
            {
                index[a] = rest % shape[a];
                rest /= shape[a];
            }
            yield return (int[])index.Clone();
        }
    }

    /// <summary>Row-major flat position of <paramref name="index"/> in <paramref name="shape"/>.</summary>
    public static int Flat(int[] shape, int[] index)
    {
        int flat = 0;
        for (int a = 0; a < shape.Length; a++) flat = flat * shape[a] + index[a];
        return flat;
    }

    /// <summary>The column of the mode-n unfolding holding <paramref name="index"/>: the other indices in row-major order.</summary>
    public static int UnfoldColumn(int[] shape, int[] index, int mode)
    {
        int column = 0;
        for (int a = 0; a < shape.Length; a++)
            if (a != mode) column = column * shape[a] + index[a];
        return column;
    }

    /// <summary>Asserts two arrays agree to <paramref name="tolerance"/> relative to max(1, max |expected|).</summary>
    public static void Close(double[] expected, double[] actual, double tolerance, string what) => MatrixAssert.Close(expected, actual, tolerance, what);
}
