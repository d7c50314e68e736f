using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    private static readonly int[] Labels5 = [2, 0, 3, 3, 1];

    private static IEnumerable<GradCase> Losses() =>
    [
        new("Softmax/last-axis", x => x[0].Softmax(), [S(3, 5)]),
        new("Softmax/first-axis", x => x[0].Softmax(0), [S(3, 5)]),
        new("Softmax/middle-axis", x => x[0].Softmax(1), [S(2, 3, 4)]),
        new("Softmax/large-values", x => (x[0] * 40.0).Softmax(-1), [S(2, 6)]),
        new("LogSoftmax/last-axis", x => x[0].LogSoftmax(-1), [S(3, 5)]),
        new("LogSoftmax/middle-axis", x => x[0].LogSoftmax(1), [S(2, 3, 4)]),
        new("Softmax/0-d", x => x[0].Softmax(0) * x[0], [S()]),
        new("LogSoftmax/0-d", x => x[0].LogSoftmax(-1) + x[0], [S()]),
        new("CrossEntropy/int-labels", x => TN.CrossEntropy(x[0], Labels5), [S(5, 4)]),
        new("CrossEntropy/tensor-labels", x => TN.CrossEntropy(x[0], TN.Tensor(new double[] { 1, 1, 0 }, 3)), [S(3, 2)]),
        new("CrossEntropy/scaled-upstream", x => TN.CrossEntropy(x[0] * x[1], Labels5) * 3.0, [S(5, 4), S(4)]),
        new("MseLoss", x => TN.MseLoss(x[0], x[1]), [S(3, 4), S(3, 4)]),
        new("MseLoss/of-prediction", x => TN.MseLoss(x[0].Tanh(), x[1]), [S(6), S(6)]),
    ];
}
