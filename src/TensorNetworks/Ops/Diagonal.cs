namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// The diagonal of the planes spanned by <paramref name="axis1"/> and <paramref name="axis2"/>, as in
    /// PyTorch: both axes are removed and the diagonal becomes the last axis, result[…, i] = this[…, i, …, i + offset, …]
    /// for <paramref name="offset"/> ≥ 0 (above the main diagonal) and this[…, i − offset, …, i, …] for
    /// offset &lt; 0 (below). Its length is max(0, min(n1, n2 − offset)) for offset ≥ 0 and
    /// max(0, min(n1 + offset, n2)) otherwise. A new contiguous tensor; the gradient is zeros of this
    /// shape with the incoming gradient written back along the same diagonal.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When an axis is out of range.</exception>
    /// <exception cref="ArgumentException">When both axes name the same axis.</exception>
    /// <example><code>
    /// Tensor m = TN.Arange(9).Reshape(3, 3);
    /// Tensor main = m.Diagonal();           // [0, 4, 8]
    /// Tensor upper = m.Diagonal(offset: 1); // [1, 5]
    /// Tensor batched = TN.Zeros(5, 3, 3).Diagonal(0, -2, -1); // shape [5, 3]
    /// </code></example>
    public Tensor Diagonal(int offset = 0, int axis1 = 0, int axis2 = 1)
    {
        int a1 = NormalizeAxis(axis1, "Diagonal (axis1)"), a2 = NormalizeAxis(axis2, "Diagonal (axis2)");
        if (a1 == a2)
            throw new ArgumentException($"Diagonal: axis1 {axis1} and axis2 {axis2} are both axis {a1} of shape {Shape}; choose two different axes.");
        int n1 = Dims[a1], n2 = Dims[a2];
        long length = Math.Max(0, offset >= 0 ? Math.Min(n1, (long)n2 - offset) : Math.Min((long)n1 + offset, n2));
        int[] strides = StridesOf(Dims);
        int start = length == 0 ? 0 : offset >= 0 ? offset * strides[a2] : -offset * strides[a1];

        var dims = new List<int>(Dims.Length - 1);
        var viewStrides = new List<int>(Dims.Length - 1);
        for (int k = 0; k < Dims.Length; k++)
        {
            if (k == a1 || k == a2) continue;
            dims.Add(Dims[k]);
            viewStrides.Add(strides[k]);
        }
        dims.Add((int)length);
        viewStrides.Add(strides[a1] + strides[a2]);
        return GatherView([.. dims], start, [.. viewStrides], "Diagonal");
    }

    /// <summary>
    /// The sum of the main diagonal of a matrix, Σ_i this[i, i], as a zero-axis tensor (non-square
    /// matrices sum min(rows, cols) entries). The gradient is the identity pattern times the incoming scalar.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor is not 2-D.</exception>
    /// <example><code>double t = TN.Eye(3).Trace().Item(); // 3</code></example>
    public Tensor Trace()
    {
        if (Dims.Length != 2)
            throw new ArgumentException($"Trace: needs a 2-D tensor, got shape {Shape}; for a batch of matrices use Diagonal(0, -2, -1).Sum(-1).");
        return Diagonal().Sum();
    }
}
