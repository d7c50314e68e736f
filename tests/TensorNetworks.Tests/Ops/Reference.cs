using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

/// <summary>Seeded inputs and elementwise comparison against naive double-precision references.</summary>
internal static class Reference
{
    /// <summary>Tolerance for results computed in <paramref name="dtype"/> against a double reference.</summary>
    public static double Tolerance(DType dtype) => dtype == DType.Float32 ? 2e-6 : 1e-13;

    public static Tensor Randn(ulong seed, DType dtype, params int[] shape) => TN.Randn(new Generator(seed), dtype, shape);

    /// <summary>Asserts |actual − expected| ≤ tol·(1 + |expected|) everywhere, naming the first bad index.</summary>
    public static void Close(double[] expected, Tensor actual, double tolerance)
    {
        double[] a = actual.ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            bool same = expected[i].Equals(a[i]) || Math.Abs(a[i] - expected[i]) <= tolerance * (1 + Math.Abs(expected[i]));
            Assert.True(same, $"element {i}: expected {expected[i]:R}, got {a[i]:R} (tolerance {tolerance})");
        }
    }

    /// <summary>Applies <paramref name="f"/> to each element of <paramref name="x"/> in double precision.</summary>
    public static double[] Map(Tensor x, Func<double, double> f) => [.. x.ToArray<double>().Select(f)];
}
