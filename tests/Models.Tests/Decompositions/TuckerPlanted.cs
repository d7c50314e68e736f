using TensorNetworks.Models.Decompositions;

namespace TensorNetworks.Models.Tests.Decompositions;

/// <summary>Seeded Tucker test tensors of exact multilinear rank, optionally with added noise.</summary>
internal static class TuckerPlanted
{
    /// <summary>A dense tensor of multilinear rank <paramref name="ranks"/>: a normal core times normal factors.</summary>
    public static Tensor Exact(ulong seed, DType dtype, int[] shape, int[] ranks)
    {
        var g = new Generator(seed);
        return new TuckerTensor(TN.Randn(g, dtype, ranks), [.. shape.Select((d, k) => TN.Randn(g, dtype, d, ranks[k]))]).ToDense();
    }

    /// <summary><see cref="Exact"/> plus normal noise of relative Frobenius size about <paramref name="noise"/>.</summary>
    public static Tensor Noisy(ulong seed, int[] shape, int[] ranks, double noise)
    {
        Tensor clean = Exact(seed, DType.Float64, shape, ranks);
        double scale = noise * clean.Norm().Item() / Math.Sqrt(clean.ElementCount);
        return clean + TN.Randn(new Generator(seed + 1000), DType.Float64, shape) * scale;
    }

    /// <summary>‖X − X̂‖ / ‖X‖.</summary>
    public static double RelativeError(Tensor x, TuckerTensor t) => (x - t.ToDense()).Norm().Item() / x.Norm().Item();

    /// <summary>Asserts UᵀU = I for every factor.</summary>
    public static void AssertOrthonormal(TuckerTensor t, double tolerance)
    {
        foreach (Tensor u in t.Factors)
        {
            double[] gram = TN.Einsum("ir,is->rs", u, u).ToArray<double>();
            int r = u.Size(1);
            for (int i = 0; i < r; i++)
                for (int j = 0; j < r; j++)
                    Assert.Equal(i == j ? 1 : 0, gram[i * r + j], tolerance);
        }
    }
}
