using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    private static IEnumerable<GradCase> Reductions() =>
    [
        new("Mean/all", x => x[0].Mean(), [S(3, 4)]),
        new("Mean/axes", x => x[0].Mean([0, 2]), [S(2, 3, 4)]),
        new("Mean/negative-axis", x => x[0].Mean(-1), [S(2, 3, 4)]),
        new("Mean/keepDim", x => x[0] - x[0].Mean([1], keepDim: true), [S(2, 3, 4)]),
        new("Mean/0-d", x => x[0].Mean(0) * x[0], [S()]),
        new("Max/all", x => x[0].Max(), [S(3, 4)], GradCase.Distinct),
        new("Max/last-axis", x => x[0].Max(-1), [S(3, 4)], GradCase.Distinct),
        new("Max/middle-axis-keepDim", x => x[0].Max(1, keepDim: true) * x[0], [S(2, 3, 4)], GradCase.Distinct),
        new("Max/first-axis", x => x[0].Max(0), [S(3, 2, 2)], GradCase.Distinct),
        new("Max/0-d", x => x[0].Max(-1) * x[0], [S()]),
        new("Min/all", x => x[0].Min(), [S(3, 4)], GradCase.Distinct),
        new("Min/last-axis-keepDim", x => x[0].Min(-1, keepDim: true), [S(3, 4)], GradCase.Distinct),
        new("Min/middle-axis", x => x[0].Min(1), [S(2, 3, 4)], GradCase.Distinct),
        new("Min/0-d-keepDim", x => x[0].Min(0, keepDim: true) * x[0], [S()]),
        new("Norm/all", x => x[0].Norm(), [S(3, 4)]),
        new("Norm/axis", x => x[0].Norm([1]), [S(3, 4)]),
        new("Norm/axes-keepDim", x => x[0] / x[0].Norm([0, 2], keepDim: true), [S(2, 3, 4)]),
        new("Norm/p1", x => x[0].Norm([1], p: 1), [S(3, 4)], GradCase.AwayFromZero),
        new("Norm/p3", x => x[0].Norm([0], p: 3), [S(3, 4)], GradCase.AwayFromZero),
        new("Norm/p1.5-all", x => x[0].Norm([0, 1], p: 1.5), [S(3, 4)], GradCase.AwayFromZero),
        new("Norm/0-d", x => x[0].Norm([0]) * x[0], [S()], GradCase.AwayFromZero),
        new("LogSumExp/last-axis", x => x[0].LogSumExp(-1), [S(3, 5)]),
        new("LogSumExp/first-axis-keepDim", x => x[0].LogSumExp(0, keepDim: true) * x[0], [S(3, 5)]),
        new("LogSumExp/middle-axis", x => x[0].LogSumExp(1), [S(2, 3, 4)]),
        new("LogSumExp/large-values", x => (x[0] * 50.0 + 500.0).LogSumExp(1), [S(2, 4)]),
        new("LogSumExp/0-d", x => x[0].LogSumExp(-1) * x[0], [S()]),
        new("Var/all", x => x[0].Var(), [S(3, 4)]),
        new("Var/axis-population", x => x[0].Var(1, correction: 0), [S(3, 4)]),
        new("Var/split-axes-keepDim", x => x[0].Var([0, -1], keepDim: true) * x[0], [S(2, 3, 4)]),
        new("Var/middle-axis", x => x[0].Var([1]), [S(2, 3, 4)]),
        new("Std/all", x => x[0].Std(), [S(3, 4)]),
        new("Std/axis-keepDim", x => x[0] / x[0].Std(0, keepDim: true), [S(4, 3)]),
        new("Std/correction-2", x => x[0].Std([1, 2], correction: 2), [S(2, 3, 2)]),
        new("Prod/all", x => x[0].Prod(), [S(2, 3)]),
        new("Prod/last-axis", x => x[0].Prod(-1), [S(3, 4)]),
        new("Prod/middle-axis-keepDim", x => x[0].Prod(1, keepDim: true) * x[0], [S(2, 3, 4)]),
        new("Prod/with-zeros", x => (x[0] * TN.Tensor(new[] { 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0 }, 3, 3)).Prod(0), [S(3, 3)]),
        new("Prod/0-d", x => x[0].Prod(0) * x[0], [S()]),
        new("CumSum/last-axis", x => x[0].CumSum(-1) * x[0], [S(3, 4)]),
        new("CumSum/first-axis", x => x[0].CumSum(0).Square(), [S(4, 3)]),
        new("CumSum/middle-axis", x => x[0].CumSum(1), [S(2, 3, 4)]),
    ];
}
