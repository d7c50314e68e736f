using TensorNetworks.Models.Completion;

namespace TensorNetworks.Models.Tests.Completion;

/// <summary>Planted tensors, seeded masks and the error on the unobserved entries.</summary>
internal static class CompletionFixtures
{
    /// <summary>A 0/1 mask of the given shape with exactly round(fraction·size) ones at seeded random positions.</summary>
    public static Tensor Mask(ulong seed, double fraction, params int[] shape)
    {
        var g = new Generator(seed);
        int size = shape.Aggregate(1, (p, d) => p * d);
        int ones = (int)Math.Round(fraction * size);
        int[] order = [.. Enumerable.Range(0, size)];
        for (int i = 0; i < ones; i++)
        {
            int j = i + g.NextInt(size - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var mask = new double[size];
        for (int i = 0; i < ones; i++) mask[order[i]] = 1;
        return TN.Tensor(mask, shape);
    }

    /// <summary>‖(1 − P) ⊙ (X − X̂)‖ / ‖(1 − P) ⊙ X‖: the relative error on the entries the fit never saw.</summary>
    public static double UnobservedRelativeError(Tensor x, Tensor mask, Tensor completed)
    {
        Tensor hidden = 1 - mask;
        return ((x - completed) * hidden).Norm().Item() / (x * hidden).Norm().Item();
    }

    /// <summary>The observed set of a small random problem, for gradient checks.</summary>
    public static ObservedEntries SmallObserved(ulong seed, params int[] shape)
    {
        Tensor x = TN.Randn(new Generator(seed), DType.Float64, shape);
        return ObservedEntries.FromMask(x, Mask(seed + 1, 0.4, shape));
    }
}
