namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The Khatri–Rao (column-wise Kronecker) product A₀ ⊙ A₁ ⊙ ⋯ ⊙ A_{K−1} of matrices Aₖ of shape
        /// Iₖ × R: the (Π Iₖ) × R matrix whose column r is a₀ᵣ ⊗ a₁ᵣ ⊗ ⋯ ⊗ a_{K−1,r}, i.e.
        /// K[(i₀, …, i_{K−1}), r] = Π_k Aₖ[iₖ, r] with the row multi-index in row-major order (the first
        /// matrix's index varies slowest, the last fastest, as in the Kronecker product A ⊗ B). This matches
        /// <see cref="Unfold"/>'s column order. Computed as one einsum with a shared rank label; differentiable.
        /// </summary>
        /// <exception cref="ArgumentException">When no matrix is given, one is not 2-D, the column counts differ
        /// (the message lists every shape), or the dtypes differ.</exception>
        /// <example><code>
        /// var a = TN.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        /// var b = TN.Tensor(new double[,] { { 5, 6 }, { 7, 8 }, { 9, 10 } });
        /// Tensor k = TN.Linalg.KhatriRao(a, b); // [6, 2]; row 1·3 + 2 = [3·9, 4·10]
        /// </code></example>
        public static Tensor KhatriRao(params Tensor[] matrices)
        {
            ArgumentNullException.ThrowIfNull(matrices);
            if (matrices.Length == 0)
                throw new ArgumentException("Linalg.KhatriRao: at least one matrix is needed.", nameof(matrices));
            for (int k = 0; k < matrices.Length; k++)
                TensorKernelChecks.RequireMatrix(matrices[k], "KhatriRao", $"matrices[{k}]");
            int rank = matrices[0].Dims[1];
            if (matrices.Any(m => m.Dims[1] != rank))
                throw new ArgumentException($"Linalg.KhatriRao: every matrix needs the same number of columns, got shapes {string.Join(", ", matrices.Select(m => m.Shape.ToString()))}.", nameof(matrices));
            int count = matrices.Length;
            int[][] labels = [.. Enumerable.Range(0, count).Select(k => new[] { k, count })];
            int[] output = [.. Enumerable.Range(0, count + 1)];
            long rows = matrices.Aggregate(1L, (p, m) => p * m.Dims[0]);
            return Einsum(labels, output, matrices).Reshape(checked((int)rows), rank);
        }
    }
}
