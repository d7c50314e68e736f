using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    private static IEnumerable<GradCase> Arithmetic() =>
    [
        new("Add", x => x[0] + x[1], [S(3, 4), S(3, 4)]),
        new("Add/broadcast-row", x => x[0] + x[1], [S(3, 4), S(4)]),
        new("Add/broadcast-both", x => x[0] + x[1], [S(3, 1, 5), S(2, 1)]),
        new("Add/scalar-tensor", x => x[0] + x[1], [S(2, 3), S()]),
        new("Subtract/broadcast-column", x => x[0] - x[1], [S(3, 4), S(3, 1)]),
        new("Multiply", x => x[0] * x[1], [S(2, 3, 4), S(2, 3, 4)]),
        new("Multiply/broadcast-middle", x => x[0] * x[1], [S(2, 3, 4), S(2, 1, 4)]),
        new("Divide", x => x[0] / x[1], [S(3, 4), S(3, 4)], GradCase.Positive),
        new("Divide/broadcast", x => x[0] / x[1], [S(3, 4), S(4)], GradCase.Positive),
        new("Negate", x => -x[0], [S(5)]),
        new("AddScalar", x => x[0] + 2.5, [S(2, 2)]),
        new("ScalarSubtract", x => 1.0 - x[0], [S(2, 2)]),
        new("MultiplyScalar", x => 3.0 * x[0], [S(2, 2)]),
        new("DivideScalar", x => x[0] / 4.0, [S(2, 2)]),
        new("ScalarDivide", x => 2.0 / x[0], [S(2, 2)], GradCase.Positive),
        new("Sum/all", x => x[0].Sum(), [S(3, 4)]),
        new("Sum/axes", x => x[0].Sum([0, 2]), [S(2, 3, 4)]),
        new("Sum/keepDim", x => x[0].Sum([1], keepDim: true) * x[0], [S(2, 3, 4)]),
        new("Sum/0-d", x => x[0].Sum(-1, keepDim: true) * x[0], [S()]),
        new("Reshape", x => x[0].Reshape(6, -1) * x[1], [S(2, 3, 4), S(4)]),
        new("BroadcastTo", x => x[0].BroadcastTo(3, 2, 4), [S(2, 1)]),
        new("Clone", x => x[0].Clone() * x[0], [S(3)]),
    ];

    private static IEnumerable<GradCase> MatMul() =>
    [
        new("MatMul/2d", x => TN.MatMul(x[0], x[1]), [S(3, 4), S(4, 5)]),
        new("MatMul/vector-vector", x => TN.MatMul(x[0], x[1]), [S(4), S(4)]),
        new("MatMul/vector-matrix", x => TN.MatMul(x[0], x[1]), [S(4), S(4, 3)]),
        new("MatMul/matrix-vector", x => TN.MatMul(x[0], x[1]), [S(3, 4), S(4)]),
        new("MatMul/batched", x => TN.MatMul(x[0], x[1]), [S(2, 3, 4), S(2, 4, 5)]),
        new("MatMul/batched-times-matrix", x => TN.MatMul(x[0], x[1]), [S(2, 3, 4), S(4, 5)]),
        new("MatMul/broadcast-batch", x => TN.MatMul(x[0], x[1]), [S(2, 1, 3, 4), S(3, 4, 2)]),
        new("MatMul/shared-operand", x => TN.MatMul(x[0], x[0]), [S(3, 3)]),
        new("MatMulCore/transA", x => TN.MatMulCore(x[0], true, x[1], false), [S(4, 3), S(4, 5)]),
        new("MatMulCore/transB", x => TN.MatMulCore(x[0], false, x[1], true), [S(3, 4), S(5, 4)]),
        new("MatMulCore/both-batched", x => TN.MatMulCore(x[0], true, x[1], true), [S(2, 4, 3), S(2, 5, 4)]),
    ];
}
