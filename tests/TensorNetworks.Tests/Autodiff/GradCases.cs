using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

/// <summary>
/// The table of every differentiable op, checked against finite differences by
/// <see cref="GradCheckTableTests"/>. Each op family lists its cases in its own partial file.
/// </summary>
public static partial class GradCases
{
    public static IReadOnlyList<GradCase> All { get; } = [.. Arithmetic(), .. MatMul(), .. Unary(), .. Reductions(), .. Losses(), .. ShapeOps()];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }

    internal static int[] S(params int[] shape) => shape;
}
