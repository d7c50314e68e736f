using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

/// <summary>
/// One row of the finite-difference table: a differentiable function of some inputs, and how to draw
/// the inputs (standard normal by default; <see cref="Draw"/> for ops with a restricted domain).
/// </summary>
public sealed record GradCase(string Name, Func<Tensor[], Tensor> Function, int[][] Shapes, Func<Generator, int[], Tensor>? Draw = null)
{
    /// <summary>Positive inputs in [0.5, 2): for log, sqrt, pow and division.</summary>
    public static Tensor Positive(Generator g, int[] shape) => TN.Rand(g, DType.Float64, shape) * 1.5 + 0.5;

    /// <summary>Normal inputs pushed away from 0 (|x| ≥ 0.1): for abs, relu, clamp and max kinks.</summary>
    public static Tensor AwayFromZero(Generator g, int[] shape)
    {
        var t = TN.Randn(g, DType.Float64, shape);
        double[] v = t.ToArray<double>();
        for (int i = 0; i < v.Length; i++) v[i] = v[i] >= 0 ? v[i] + 0.1 : v[i] - 0.1;
        return TN.Tensor(v, shape);
    }

    /// <summary>Distinct values (a shuffled ramp plus noise): for max, min and argmax.</summary>
    public static Tensor Distinct(Generator g, int[] shape)
    {
        int n = Shape.ElementCountOf(shape);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i * 0.37 + 0.01 * g.NextDouble();
        for (int i = n - 1; i > 0; i--)
        {
            int j = g.NextInt(i + 1);
            (v[i], v[j]) = (v[j], v[i]);
        }
        return TN.Tensor(v, shape);
    }

    public override string ToString() => Name;
}
