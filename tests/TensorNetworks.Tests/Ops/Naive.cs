using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

/// <summary>Index-loop references for the shape ops: build a tensor one multi-index at a time.</summary>
internal static class Naive
{
    /// <summary>Row-major values of shape <paramref name="dims"/> with value(index) at each multi-index.</summary>
    public static double[] Tabulate(int[] dims, Func<int[], double> value)
    {
        int n = Shape.ElementCountOf(dims);
        var result = new double[n];
        var index = new int[dims.Length];
        for (int flat = 0; flat < n; flat++)
        {
            int rest = flat;
            for (int k = dims.Length - 1; k >= 0; k--)
            {
                index[k] = rest % dims[k];
                rest /= dims[k];
            }
            result[flat] = value(index);
        }
        return result;
    }

    /// <summary>Asserts shape, dtype and every value (exactly: the ops under test only move values).</summary>
    public static void AssertEqual(Tensor actual, int[] dims, DType dtype, double[] expected)
    {
        Assert.Equal(new Shape(dims), actual.Shape);
        Assert.Equal(dtype, actual.DType);
        Assert.Equal(expected, actual.ToArray<double>());
    }

    /// <summary>A seeded standard normal tensor.</summary>
    public static Tensor Random(Generator g, DType dtype, params int[] dims) => TN.Randn(g, dtype, dims);

    /// <summary>A random shape of minOrder..maxOrder axes with extents 1..maxExtent.</summary>
    public static int[] RandomShape(Generator g, int maxOrder, int maxExtent, int minOrder = 1)
    {
        var dims = new int[minOrder + g.NextInt(maxOrder - minOrder + 1)];
        for (int k = 0; k < dims.Length; k++) dims[k] = 1 + g.NextInt(maxExtent);
        return dims;
    }

    /// <summary>Runs <paramref name="check"/> on seeded random tensors of random shapes (see <see cref="RandomShape"/>);
    /// the generator is passed on for the op's own random arguments.</summary>
    public static void ForRandomTensors(ulong seed, int trials, DType dtype, int maxOrder, int maxExtent, Action<Generator, Tensor> check, int minOrder = 1)
    {
        var g = new Generator(seed);
        for (int trial = 0; trial < trials; trial++) check(g, Random(g, dtype, RandomShape(g, maxOrder, maxExtent, minOrder)));
    }

    public static readonly DType[] DTypes = [DType.Float32, DType.Float64];
}
