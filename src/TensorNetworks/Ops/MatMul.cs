namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Matrix product with PyTorch's rules: 1-D·1-D is a dot product; a 1-D operand is treated as a
    /// row (left) or column (right) vector and that axis is dropped; N-D operands multiply their last
    /// two axes and broadcast the leading (batch) axes. dA = dC·Bᵀ, dB = Aᵀ·dC.
    /// </summary>
    /// <exception cref="ArgumentException">When the inner extents differ, the batch axes do not broadcast,
    /// an operand is 0-D, or the dtypes differ.</exception>
    /// <example><code>
    /// Tensor c = TN.MatMul(TN.Ones(2, 3), TN.Ones(3, 4));          // [2, 4], every element 3
    /// Tensor batched = TN.MatMul(TN.Ones(8, 2, 3), TN.Ones(3, 4)); // [8, 2, 4]
    /// </code></example>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        BroadcastShapes.RequireSameDType(a, b, "MatMul");
        if (a.Order == 0 || b.Order == 0)
            throw new ArgumentException($"MatMul: operands must have at least one axis, got shapes {a.Shape} and {b.Shape}; use * for scalars.");
        int k = a.Dims[^1];
        int kb = b.Order == 1 ? b.Dims[0] : b.Dims[^2];
        if (k != kb)
            throw new ArgumentException($"MatMul: inner extents differ: {a.Shape} has {k} columns but {b.Shape} has {kb} rows (axis {(b.Order == 1 ? 0 : -2)}).");

        if (a.Order == 1 && b.Order == 1) return Mm(a.Reshape(1, k), b.Reshape(k, 1)).Reshape();
        if (a.Order == 1)
        {
            Tensor r = MatMul(a.Reshape(1, k), b);
            int[] dims = r.Shape.ToArray();
            return r.Reshape([.. dims[..^2], dims[^1]]);
        }
        if (b.Order == 1)
        {
            Tensor r = MatMul(a, b.Reshape(k, 1));
            return r.Reshape(r.Shape.ToArray()[..^1]);
        }
        if (b.Order == 2)
        {
            int[] lead = a.Dims[..^2];
            int m = a.Dims[^2];
            Tensor r = Mm(a.Order == 2 ? a : a.Reshape(-1, k), b);
            return a.Order == 2 ? r : r.Reshape([.. lead, m, b.Dims[1]]);
        }

        if (a.Order == 3 && b.Order == 3 && a.Dims[0] == b.Dims[0]) return Mm(a, b);
        int[] batch = BroadcastShapes.Of(a.Dims[..^2], b.Dims[..^2], "MatMul (batch axes)");
        Tensor ab = a.BroadcastTo([.. batch, a.Dims[^2], k]).Reshape(-1, a.Dims[^2], k);
        Tensor bb = b.BroadcastTo([.. batch, k, b.Dims[^1]]).Reshape(-1, k, b.Dims[^1]);
        return Mm(ab, bb).Reshape([.. batch, a.Dims[^2], b.Dims[^1]]);
    }

    private static Tensor Mm(Tensor a, Tensor b) => MatMulCore(a, false, b, false);

    /// <summary>
    /// C = op(A)·op(B) for 2-D or equal-batch 3-D tensors, op transposing the last two axes when its flag
    /// is set (a GEMM flag, never a copy). Backward, from dop(A) = dC·op(B)ᵀ and dop(B) = op(A)ᵀ·dC:
    /// dA = dC·op(B)ᵀ (or op(B)·dCᵀ when A is transposed), dB = op(A)ᵀ·dC (or dCᵀ·op(A)).
    /// </summary>
    internal static Tensor MatMulCore(Tensor a, bool transA, Tensor b, bool transB)
    {
        Tensor c = BatchedGemm.Run(a, transA, b, transB);
        if (Autograd.ShouldRecord(a, b)) RecordMatMulCore(c, a, transA, b, transB);
        return c;
    }

    private static void RecordMatMulCore(Tensor c, Tensor a, bool transA, Tensor b, bool transB) => Autograd.Record(c,
        a, g => transA ? BatchedGemm.Run(b, transB, g, true) : BatchedGemm.Run(g, false, b, !transB),
        b, g => transB ? BatchedGemm.Run(g, true, a, transA) : BatchedGemm.Run(a, !transA, g, false),
        "MatMul");
}

public sealed partial class Tensor
{
    /// <summary>This tensor times <paramref name="other"/>; see <see cref="TN.MatMul"/>.</summary>
    public Tensor MatMul(Tensor other) => TN.MatMul(this, other);
}
