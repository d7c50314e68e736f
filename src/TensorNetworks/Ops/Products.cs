namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// The outer product of two vectors: result[i, j] = a[i]·b[j], shape [n, m]. The backward is two
    /// matrix-vector products: dA = G·b, dB = Gᵀ·a.
    /// </summary>
    /// <exception cref="ArgumentException">When an operand is not 1-D or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Outer(TN.Arange(2), TN.Arange(3)); // [[0, 0, 0], [0, 1, 2]]</code></example>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        BroadcastShapes.RequireSameDType(a, b, "Outer");
        if (a.Order != 1 || b.Order != 1)
            throw new ArgumentException($"Outer: both operands must be 1-D vectors, got shapes {a.Shape} and {b.Shape}; flatten them first, or use Kron or Einsum for higher orders.");
        Tensor product = a.ViewAs([a.Dims[0], 1]) * b.ViewAs([1, b.Dims[0]]);
        if (Autograd.ShouldRecord(a, b)) RecordOuter(product, a, b);
        return product;
    }

    private static void RecordOuter(Tensor result, Tensor a, Tensor b)
        => Autograd.Record(result, a, g => MatMul(g, b), b, g => MatMul(a, g), "Outer");

    /// <summary>
    /// The Kronecker product: for operands of equal order n, result[i_k·q_k + j_k]_k = a[i]·b[j] with
    /// q = b.Shape, so the result's extents are a.Shape[k]·b.Shape[k]. An operand of lower order is first
    /// padded with leading axes of extent 1 (as in PyTorch). The backward reshapes the gradient G to
    /// (p_0, q_0, p_1, q_1, …), permutes it to (p…, q…) as a |a|×|b| matrix M and contracts: dA = M·vec(b),
    /// dB = Mᵀ·vec(a); no Jacobian is formed.
    /// </summary>
    /// <exception cref="ArgumentException">When the dtypes differ.</exception>
    /// <example><code>
    /// Tensor k = TN.Kron(TN.Eye(2), TN.Ones(2, 3)); // shape [4, 6], two blocks of ones on the diagonal
    /// </code></example>
    public static Tensor Kron(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        BroadcastShapes.RequireSameDType(a, b, "Kron");
        int n = Math.Max(a.Order, b.Order);
        int[] p = PadLeading(a.Dims, n), q = PadLeading(b.Dims, n);
        var left = new int[2 * n];
        var right = new int[2 * n];
        var dims = new int[n];
        for (int k = 0; k < n; k++)
        {
            (left[2 * k], left[2 * k + 1]) = (p[k], 1);
            (right[2 * k], right[2 * k + 1]) = (1, q[k]);
            dims[k] = checked(p[k] * q[k]);
        }
        Tensor product = a.ViewAs(left) * b.ViewAs(right);
        var result = product.ViewAs(dims);
        if (Autograd.ShouldRecord(a, b)) RecordKron(result, a, b, p, q);
        return result;
    }

    private static void RecordKron(Tensor result, Tensor a, Tensor b, int[] p, int[] q)
    {
        int n = p.Length;
        int[] interleaved = new int[2 * n], grouped = new int[2 * n];
        for (int k = 0; k < n; k++)
        {
            (interleaved[2 * k], interleaved[2 * k + 1]) = (p[k], q[k]);
            (grouped[k], grouped[n + k]) = (2 * k, 2 * k + 1);
        }
        Tensor AsMatrix(Tensor g) => g.Reshape(interleaved).Permute(grouped).Reshape(a.ElementCount, b.ElementCount);
        Autograd.Record(result, a, g => MatMul(AsMatrix(g), b.Reshape(b.ElementCount)).Reshape(a.Dims),
            b, g => MatMul(a.Reshape(a.ElementCount), AsMatrix(g)).Reshape(b.Dims), "Kron");
    }

    private static int[] PadLeading(int[] dims, int order) => [.. Enumerable.Repeat(1, order - dims.Length), .. dims];
}
