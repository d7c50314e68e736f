namespace TensorNetworks.Models.Tests.Decompositions;

/// <summary>Comparisons shared by the tensor-train tests.</summary>
internal static class TensorTrainFixtures
{
    /// <summary>‖a − b‖_F / ‖b‖_F in float64.</summary>
    public static double RelativeError(Tensor a, Tensor b)
    {
        Assert.Equal(b.Shape, a.Shape);
        Tensor x = a.To(DType.Float64), y = b.To(DType.Float64);
        return (x - y).Norm().Item() / y.Norm().Item();
    }

    /// <summary>Asserts ‖actual − expected‖_F ≤ tolerance·‖expected‖_F.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance = 1e-10)
    {
        double error = RelativeError(actual, expected);
        Assert.True(error <= tolerance, $"relative error {error:G3} exceeds {tolerance:G3}");
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance·max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    /// <summary>The Frobenius inner product of two dense tensors.</summary>
    public static double Dot(Tensor a, Tensor b) => (a * b).Sum().Item();
}
