namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The matricized tensor times Khatri–Rao product of an order-N tensor X (N ≥ 2) with factor
        /// matrices Aₘ (Iₘ × R): Mₙ = X₍ₙ₎·(A₀ ⊙ ⋯ ⊙ Aₙ₋₁ ⊙ Aₙ₊₁ ⊙ ⋯ ⊙ A_{N−1}), an Iₙ × R matrix with
        /// Mₙ[iₙ, r] = Σ_{iₘ, m≠n} X[i₀, …, i_{N−1}]·Π_{m≠n} Aₘ[iₘ, r] (<see cref="Unfold"/> and
        /// <see cref="KhatriRao"/> conventions). X is never permuted or copied: viewed as L × Iₙ × T
        /// (L = Π_{m&lt;n} Iₘ, T = Π_{m&gt;n} Iₘ), the larger outer side is contracted with its Khatri–Rao
        /// factor by one GEMM on X as stored (transposed-operand for the leading side), and the partial
        /// that gives is reduced with the other side's factor rank by rank (<see cref="MttkrpWithRankAxis"/>).
        /// While autodiff records (an operand requires a gradient) the product is one planned einsum with a
        /// shared rank label instead, which is differentiable.
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
            int rank = MttkrpFactors("Mttkrp", tensor, tensor.Order, factors, mode, "mode {0} of the tensor");
            Tensor[] operands = [tensor, .. factors.Where((_, m) => m != mode)];
            if (Autograd.ShouldRecord(operands))
                return Einsum(RankLabels(tensor.Order, tensor.Order, mode), [mode, tensor.Order], operands);
            return MttkrpKernels.FromTensor(tensor, factors, mode, rank);
        }

        /// <summary>
        /// The MTTKRP of a partial product that already carries the rank axis: for P of shape
        /// I₀ × ⋯ × I_{K−1} × R (K ≥ 1) and factors Aₘ (Iₘ × R), the Iₙ × R matrix
        /// Mₙ[iₙ, r] = Σ_{iₘ, m≠n} P[i₀, …, i_{K−1}, r]·Π_{m≠n} Aₘ[iₘ, r]. This is the second level of a
        /// dimension tree: with P = X ×_{K} A_K ⋯ (the trailing modes of X contracted with their factors,
        /// one GEMM), <c>MttkrpWithRankAxis(P, A, n)</c> equals <see cref="Mttkrp"/>(X, A, n) for every
        /// n &lt; K, at a cost of O(|P|) instead of O(|X|·R). Differentiable (an einsum while recording).
        /// </summary>
        /// <param name="partial">P, whose last axis is the rank axis R.</param>
        /// <param name="factors">K matrices, one per axis of P before the rank axis; factors[mode] is not read.</param>
        /// <param name="mode">n, in 0..K−1.</param>
        /// <exception cref="ArgumentException">When P has fewer than 2 axes, the factor count is not K, a factor
        /// (other than factors[mode]) is not 2-D, its row count differs from its axis of P or its column
        /// count from R (messages show the shapes), or the dtypes differ.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..K−1.</exception>
        /// <example><code>
        /// // CP-ALS on a 3-way X: one GEMM serves modes 0 and 1.
        /// Tensor p = TN.MatMul(x.Reshape(x.Size(0) * x.Size(1), x.Size(2)), a[2]).Reshape(x.Size(0), x.Size(1), -1);
        /// Tensor m0 = TN.Linalg.MttkrpWithRankAxis(p, [a[0], a[1]], 0); // = TN.Linalg.Mttkrp(x, a, 0)
        /// </code></example>
        public static Tensor MttkrpWithRankAxis(Tensor partial, IReadOnlyList<Tensor> factors, int mode)
        {
            TensorKernelChecks.RequireMode(partial, mode, "MttkrpWithRankAxis", minOrder: 2);
            int order = partial.Order - 1;
            if (mode >= order)
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Linalg.MttkrpWithRankAxis: mode must be in 0..{order - 1} (the last axis of P, shape {partial.Shape}, is the rank axis), got {mode}.");
            int rank = MttkrpFactors("MttkrpWithRankAxis", partial, order, factors, mode, "axis {0} of P");
            if (rank >= 0 && rank != partial.Dims[order])
                throw new ArgumentException($"Linalg.MttkrpWithRankAxis: the factors have R = {rank} columns but the rank axis of P (shape {partial.Shape}) has size {partial.Dims[order]}.", nameof(factors));
            Tensor[] operands = [partial, .. factors.Where((_, m) => m != mode)];
            if (Autograd.ShouldRecord(operands))
                return Einsum(RankLabels(order + 1, order, mode), [mode, order], operands);
            return MttkrpKernels.FromPartial(partial, factors, mode);
        }

        /// <summary>Checks the factor list of an MTTKRP over the first <paramref name="order"/> axes of
        /// <paramref name="tensor"/> and returns R (−1 when no factor besides factors[mode] exists).</summary>
        private static int MttkrpFactors(string op, Tensor tensor, int order, IReadOnlyList<Tensor> factors, int mode, string axisName)
        {
            ArgumentNullException.ThrowIfNull(factors);
            if (factors.Count != order)
                throw new ArgumentException($"Linalg.{op}: a tensor of shape {tensor.Shape} needs {order} factors (one per mode), got {factors.Count}.", nameof(factors));
            int rank = -1, rankFrom = -1;
            for (int m = 0; m < order; m++)
            {
                if (m == mode) continue;
                Tensor a = factors[m];
                TensorKernelChecks.RequireMatrix(a, op, $"factors[{m}]");
                if (a.Dims[0] != tensor.Dims[m])
                    throw new ArgumentException($"Linalg.{op}: factors[{m}] has shape {a.Shape} but {string.Format(axisName, m)} (shape {tensor.Shape}) has size {tensor.Dims[m]}; factor m must be I_m × R.", nameof(factors));
                if (rank < 0) (rank, rankFrom) = (a.Dims[1], m);
                else if (a.Dims[1] != rank)
                    throw new ArgumentException($"Linalg.{op}: factors[{m}] has {a.Dims[1]} columns (shape {a.Shape}) but factors[{rankFrom}] has {rank}; all factors share the rank R.", nameof(factors));
                BroadcastShapes.RequireSameDType(tensor, a, $"Linalg.{op}");
            }
            return rank;
        }

        /// <summary>Einsum labels: the tensor's axes 0..axes−1, then [m, rank label] for each factor m ≠ mode.</summary>
        private static List<int[]> RankLabels(int axes, int order, int mode)
        {
            var labels = new List<int[]> { Enumerable.Range(0, axes).ToArray() };
            for (int m = 0; m < order; m++)
                if (m != mode) labels.Add([m, order]);
            return labels;
        }
    }
}
