using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    private static IEnumerable<GradCase> Unary() =>
    [
    ];
}
