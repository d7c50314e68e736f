using TensorNetworks.Backends;

namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// The Gram matrix of the mode-n unfolding, G = X₍ₙ₎·X₍ₙ₎ᵀ (Iₙ × Iₙ, symmetric positive semi-definite):
        /// G[i, l] = Σ X[…, i, …]·X[…, l, …] over every index but the n-th. The unfolding is never formed: with X
        /// viewed as P × Iₙ × Q (P = Π_{m&lt;n} Iₘ, Q = Π_{m&gt;n} Iₘ), G = Σ_p X_p·X_pᵀ is one GEMM per block X_p
        /// (Iₙ × Q) accumulated in place, or Yᵀ·Y for the last mode (Y = X as P × Iₙ). For a matrix, mode 0 gives
        /// A·Aᵀ and mode 1 gives Aᵀ·A. Costs 2·Iₙ²·Π_{m≠n} Iₘ FLOPs, 1.5·Iₙ²·Π_{m≠n} Iₘ from Iₙ ≥ 128 (only the
        /// lower block triangle is multiplied, then mirrored). Forward only (not recorded for autodiff).
        /// </summary>
        /// <exception cref="ArgumentException">When the tensor has no axes.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..N−1.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and the tensor requires a gradient.</exception>
        /// <example><code>
        /// Tensor x = TN.Randn(new Generator(0), DType.Float64, 4, 5, 6);
        /// Tensor g1 = TN.Linalg.Gram(x, 1); // [5, 5], equal to Unfold(x, 1) · Unfold(x, 1)ᵀ
        /// </code></example>
        public static Tensor Gram(Tensor tensor, int mode)
        {
            TensorKernelChecks.RequireMode(tensor, mode, "Gram");
            if (Autograd.IsEnabled && tensor.RequiresGrad)
                throw new InvalidOperationException("Linalg.Gram is not differentiable, but the tensor requires a gradient. Call it inside `using (TN.NoGrad()) { ... }` or pass tensor.Detach().");
            int size = tensor.Dims[mode];
            long before = 1, after = 1;
            for (int m = 0; m < mode; m++) before *= tensor.Dims[m];
            for (int m = mode + 1; m < tensor.Order; m++) after *= tensor.Dims[m];
            if (tensor.ElementCount == 0) return TensorNetworks.Tensor.ZerosOf(tensor.DType, [size, size]);
            if (before > 1 && after > 1 && after < GramBlocks.MinBlockColumns)
            {
                Tensor unfolded = Unfold(tensor, mode);
                return BatchedGemm.Run(unfolded, false, unfolded, true);
            }
            Tensor gram = TensorNetworks.Tensor.Uninitialized(tensor.DType, [size, size]);
            GramBlocks.Accumulate(tensor, gram, (int)before, size, (int)after);
            return gram;
        }
    }
}
