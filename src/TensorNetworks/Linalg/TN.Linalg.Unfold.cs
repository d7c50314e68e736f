namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The mode-n unfolding (matricization) X₍ₙ₎ of an order-N tensor X of shape I₀×⋯×I_{N−1}: an
        /// Iₙ × Π_{m≠n} Iₘ matrix with X₍ₙ₎[iₙ, j] = X[i₀, …, i_{N−1}], where the column j enumerates the
        /// remaining indices (i₀, …, iₙ₋₁, iₙ₊₁, …, i_{N−1}) in row-major order (the last index varies
        /// fastest). This is TensorLy's convention, not Kolda &amp; Bader's (where i₀ varies fastest); with it,
        /// a CP tensor satisfies X₍ₙ₎ = Aₙ·diag(λ)·(A₀ ⊙ ⋯ ⊙ Aₙ₋₁ ⊙ Aₙ₊₁ ⊙ ⋯ ⊙ A_{N−1})ᵀ with
        /// <see cref="KhatriRao"/>'s ordering. Modes are 0-based. Differentiable (a permutation and a reshape).
        /// </summary>
        /// <exception cref="ArgumentException">When the tensor has no axes.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..N−1.</exception>
        /// <example><code>
        /// Tensor x = TN.Arange(24, DType.Float64).Reshape(2, 3, 4);
        /// Tensor x1 = TN.Linalg.Unfold(x, 1); // [3, 8]; x1[j, a·4 + c] = x[a, j, c]
        /// </code></example>
        public static Tensor Unfold(Tensor tensor, int mode)
        {
            TensorKernelChecks.RequireMode(tensor, mode, "Unfold");
            int rows = tensor.Dims[mode], cols = TensorKernelChecks.ProductExcept(tensor.Dims, mode);
            return tensor.Permute(TensorKernelChecks.ModeFirst(tensor.Order, mode)).Reshape(rows, cols);
        }

        /// <summary>
        /// The inverse of <see cref="Unfold"/>: the tensor X of shape <paramref name="shape"/> whose mode-n
        /// unfolding is <paramref name="matrix"/>, so Fold(Unfold(X, n), n, X.Shape) = X. The matrix must be
        /// shape[n] × Π_{m≠n} shape[m]. Differentiable.
        /// </summary>
        /// <exception cref="ArgumentException">When the matrix is not 2-D, <paramref name="shape"/> is empty or has
        /// a negative extent, or the matrix's shape is not shape[n] × Π_{m≠n} shape[m] (the message shows both).</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..shape.Length−1.</exception>
        /// <example><code>
        /// Tensor x = TN.Randn(new Generator(0), DType.Float64, 2, 3, 4);
        /// Tensor back = TN.Linalg.Fold(TN.Linalg.Unfold(x, 2), 2, [2, 3, 4]); // equals x
        /// </code></example>
        public static Tensor Fold(Tensor matrix, int mode, int[] shape)
        {
            TensorKernelChecks.RequireMatrix(matrix, "Fold", nameof(matrix));
            ArgumentNullException.ThrowIfNull(shape);
            if (shape.Length == 0 || shape.Any(d => d < 0))
                throw new ArgumentException($"Linalg.Fold: shape must have at least one axis and no negative extent, got [{string.Join(", ", shape)}].", nameof(shape));
            if ((uint)mode >= (uint)shape.Length)
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Linalg.Fold: mode must be in 0..{shape.Length - 1} for shape [{string.Join(", ", shape)}], got {mode}.");
            int rows = shape[mode], cols = TensorKernelChecks.ProductExcept(shape, mode);
            if (matrix.Dims[0] != rows || matrix.Dims[1] != cols)
                throw new ArgumentException($"Linalg.Fold: folding into shape [{string.Join(", ", shape)}] along mode {mode} needs a [{rows}, {cols}] matrix, got {matrix.Shape}.", nameof(matrix));
            int[] front = TensorKernelChecks.ModeFirst(shape.Length, mode);
            int[] inverse = new int[shape.Length];
            for (int i = 0; i < front.Length; i++) inverse[front[i]] = i;
            return matrix.Reshape([.. front.Select(m => shape[m])]).Permute(inverse);
        }
    }
}
