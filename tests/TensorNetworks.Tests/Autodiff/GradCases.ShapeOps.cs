using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public static partial class GradCases
{
    private static IEnumerable<GradCase> ShapeOps() =>
    [
        new("Permute/3d", x => x[0].Permute(2, 0, 1), [S(2, 3, 4)]),
        new("Permute/4d-negative-axes", x => x[0].Permute(-1, 1, -4, 2), [S(2, 3, 4, 5)]),
        new("Permute/order-keeping-view", x => x[0].Permute(1, 0, 2) * x[1], [S(1, 3, 2), S(3, 1, 2)]),
        new("Permute/batched-transpose", x => x[0].Permute(0, 2, 1) * 2.0, [S(3, 5, 4)]),
        new("Transpose/negative-axis", x => x[0].Transpose(0, -1), [S(3, 2, 4)]),
        new("Squeeze/all", x => x[0].Squeeze(), [S(1, 3, 1, 2)]),
        new("Squeeze/axis", x => x[0].Squeeze(-2) * x[0].Squeeze(-2), [S(3, 1, 2)]),
        new("Squeeze/0-d", x => x[0].Squeeze(-1) * x[0].Squeeze(0), [S()]),
        new("Unsqueeze/negative-axis", x => x[0].Unsqueeze(-1) * x[1], [S(3, 2), S(4)]),
        new("Flatten/middle", x => x[0].Flatten(1, 2), [S(2, 3, 4, 2)]),
        new("Narrow", x => x[0].Narrow(1, 1, 2), [S(3, 4, 2)]),
        new("Narrow/negative-start", x => x[0].Narrow(-1, -3, 2), [S(2, 5)]),
        new("Slice/step", x => x[0].Slice(0, 1, 7, step: 2), [S(8, 3)]),
        new("Slice/negative-bounds", x => x[0].Slice(-1, -4, -1), [S(2, 6)]),
        new("Select", x => x[0].Select(1, 2), [S(3, 4, 2)]),
        new("Select/negative-index", x => x[0].Select(-1, -1), [S(3, 4)]),
        new("IndexSelect/repeated-indices", x => x[0].IndexSelect(1, [2, 0, 2, 2]), [S(2, 3, 2)]),
        new("IndexSelect/last-axis", x => x[0].IndexSelect(-1, [1, 1, 0]), [S(3, 2)]),
        new("Cat/three-along-middle-axis", x => TN.Cat([x[0], x[1], x[2]], 1), [S(2, 1, 3), S(2, 4, 3), S(2, 2, 3)]),
        new("Cat/negative-axis", x => TN.Cat([x[0], x[1]], -1), [S(2, 3), S(2, 1)]),
        new("Cat/same-tensor-twice", x => TN.Cat([x[0], x[0]], 0), [S(2, 2)]),
        new("Stack/middle-axis", x => TN.Stack([x[0], x[1], x[2]], 1), [S(2, 3), S(2, 3), S(2, 3)]),
        new("Stack/negative-axis", x => TN.Stack([x[0], x[1]], -1), [S(4), S(4)]),
        new("Diagonal", x => x[0].Diagonal(), [S(3, 4)]),
        new("Diagonal/positive-offset", x => x[0].Diagonal(offset: 1), [S(4, 4)]),
        new("Diagonal/negative-offset-other-axes", x => x[0].Diagonal(-1, 2, 0), [S(4, 2, 3)]),
        new("Trace", x => x[0].Trace(), [S(4, 4)]),
        new("Outer", x => TN.Outer(x[0], x[1]), [S(3), S(4)]),
        new("Kron/2d", x => TN.Kron(x[0], x[1]), [S(2, 3), S(3, 2)]),
        new("Kron/3d", x => TN.Kron(x[0], x[1]), [S(2, 1, 2), S(2, 3, 2)]),
        new("Kron/shared-operand", x => TN.Kron(x[0], x[0]), [S(2, 2)]),
        new("Kron/lower-order-operand", x => TN.Kron(x[0], x[1]), [S(3), S(2, 2)]),
        new("BroadcastTo/middle-axis", x => x[0].BroadcastTo(2, 3, 4), [S(2, 1, 4)]),
        new("Views/chain", x => x[0].Reshape(3, 4).Transpose(0, 1).Reshape(2, 6).Narrow(1, 1, 3), [S(12)]),
        new("Flip/last-axis", x => x[0].Flip(-1) * x[0], [S(3, 4)]),
        new("Flip/first-and-last-axes", x => x[0].Flip(0, 2), [S(2, 3, 4)]),
        new("Repeat/tile-with-new-axis", x => x[0].Repeat(2, 1, 3), [S(2, 2)]),
        new("Repeat/0-d", x => x[0].Repeat(3) * x[0], [S()]),
        new("Split/sizes", x => x[0].Split([1, 3], 1)[1] * x[0].Split([1, 3], 1)[0], [S(2, 4)]),
        new("Chunk/uneven", x => x[0].Chunk(2, 0)[1], [S(5, 2)]),
        new("Triu/offset", x => x[0].Triu(1), [S(2, 3, 4)]),
        new("Tril/negative-offset", x => x[0].Tril(-1) * x[0], [S(4, 3)]),
        new("BroadcastTo/keep-extent", x => x[0].BroadcastTo(2, -1, 3), [S(4, 1)]),
    ];
}
