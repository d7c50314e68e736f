namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The matricized tensor times Khatri–Rao product of an order-N tensor X (N ≥ 2) with factor
        /// matrices Aₘ (Iₘ × R): Mₙ = X₍ₙ₎·(A₀ ⊙ ⋯ ⊙ Aₙ₋₁ ⊙ Aₙ₊₁ ⊙ ⋯ ⊙ A_{N−1}), an Iₙ × R matrix with
        /// Mₙ[iₙ, r] = Σ_{iₘ, m≠n} X[i₀, …, i_{N−1}]·Π_{m≠n} Aₘ[iₘ, r] (<see cref="Unfold"/> and
        /// <see cref="KhatriRao"/> conventions). The Khatri–Rao product is never formed: the tensor is
        /// contracted with the factors in one planned einsum over a shared rank label. Differentiable.
        /// </summary>
        /// <param name="tensor">X, with at least 2 axes.</param>
        /// <param name="factors">N matrices, one per mode; factors[mode] is not read (pass the current factor or any tensor).</param>
        /// <param name="mode">n, 0-based.</param>
        /// <exception cref="ArgumentException">When the factor count differs from N, a factor (other than
        /// factors[mode]) is not 2-D, its row count differs from its mode's size, the column counts differ
        /// (messages show the shapes), or the dtypes differ.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..N−1.</exception>
        /// <example><code>
        /// var g = new Generator(0);
        /// Tensor x = TN.Randn(g, DType.Float64, 4, 5, 6);
        /// Tensor[] a = [TN.Randn(g, DType.Float64, 4, 3), TN.Randn(g, DType.Float64, 5, 3), TN.Randn(g, DType.Float64, 6, 3)];
        /// Tensor m1 = TN.Linalg.Mttkrp(x, a, 1); // [5, 3] = Unfold(x, 1) · KhatriRao(a[0], a[2])
        /// </code></example>
        public static Tensor Mttkrp(Tensor tensor, IReadOnlyList<Tensor> factors, int mode)
        {
            TensorKernelChecks.RequireMode(tensor, mode, "Mttkrp", minOrder: 2);
            ArgumentNullException.ThrowIfNull(factors);
            int order = tensor.Order;
            if (factors.Count != order)
                throw new ArgumentException($"Linalg.Mttkrp: a tensor of shape {tensor.Shape} needs {order} factors (one per mode), got {factors.Count}.", nameof(factors));
            int rank = -1, rankFrom = -1;
            var labels = new List<int[]> { Enumerable.Range(0, order).ToArray() };
            var operands = new List<Tensor> { tensor };
            for (int m = 0; m < order; m++)
            {
                if (m == mode) continue;
                Tensor a = factors[m];
                TensorKernelChecks.RequireMatrix(a, "Mttkrp", $"factors[{m}]");
                if (a.Dims[0] != tensor.Dims[m])
                    throw new ArgumentException($"Linalg.Mttkrp: factors[{m}] has shape {a.Shape} but mode {m} of the tensor (shape {tensor.Shape}) has size {tensor.Dims[m]}; factor m must be I_m × R.", nameof(factors));
                if (rank < 0) (rank, rankFrom) = (a.Dims[1], m);
                else if (a.Dims[1] != rank)
                    throw new ArgumentException($"Linalg.Mttkrp: factors[{m}] has {a.Dims[1]} columns (shape {a.Shape}) but factors[{rankFrom}] has {rank}; all factors share the rank R.", nameof(factors));
                labels.Add([m, order]);
                operands.Add(a);
            }
            return Einsum(labels, [mode, order], [.. operands]);
        }
    }
}
