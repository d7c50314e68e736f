namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The n-mode product Y = X ×ₙ U of an order-N tensor X with a J × Iₙ matrix U:
        /// Y[i₀, …, j, …, i_{N−1}] = Σ_{iₙ} X[i₀, …, iₙ, …, i_{N−1}]·U[j, iₙ], so Y has X's shape with Iₙ
        /// replaced by J and Y₍ₙ₎ = U·X₍ₙ₎. Modes are 0-based. One einsum (a GEMM); differentiable.
        /// </summary>
        /// <exception cref="ArgumentException">When the matrix is not 2-D, its column count differs from Iₙ (the
        /// message shows both shapes), or the dtypes differ.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..N−1.</exception>
        /// <example><code>
        /// var g = new Generator(0);
        /// Tensor x = TN.Randn(g, DType.Float64, 4, 5, 6);
        /// Tensor y = TN.Linalg.ModeProduct(x, TN.Randn(g, DType.Float64, 2, 5), 1); // [4, 2, 6]
        /// </code></example>
        public static Tensor ModeProduct(Tensor tensor, Tensor matrix, int mode)
        {
            TensorKernelChecks.RequireMode(tensor, mode, "ModeProduct");
            TensorKernelChecks.RequireMatrix(matrix, "ModeProduct", nameof(matrix));
            if (matrix.Dims[1] != tensor.Dims[mode])
                throw new ArgumentException($"Linalg.ModeProduct: the matrix has shape {matrix.Shape} but mode {mode} of the tensor (shape {tensor.Shape}) has size {tensor.Dims[mode]}; the matrix must be J × {tensor.Dims[mode]}.", nameof(matrix));
            int order = tensor.Order;
            int[] tensorLabels = [.. Enumerable.Range(0, order)];
            int[] output = [.. tensorLabels];
            output[mode] = order;
            return Einsum([tensorLabels, [order, mode]], output, [tensor, matrix]);
        }
    }
}
