using System.Numerics;

namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// Left singular vectors and singular values of the mode-n unfolding X₍ₙ₎ (Iₙ × J, J = Π_{m≠n} Iₘ) from the
        /// Gram matrix: G = X₍ₙ₎X₍ₙ₎ᵀ = V·diag(λ)·Vᵀ (<see cref="Gram"/>, <see cref="SymmetricEig"/>), then U = V with
        /// its columns in descending order of λ and σᵢ = sqrt(max(λᵢ, 0)). The right vectors are not formed; when
        /// needed, V_rᵀ = diag(σ)⁻¹·U_rᵀ·X₍ₙ₎ for the kept r (one GEMM; its rows are orthonormal only to about
        /// eps·(σ₀/σ_{r−1})², so prefer the product U_rᵀ·X₍ₙ₎ = diag(σ)·V_rᵀ itself where it will do). Costs ≤ 2·Iₙ²·J + O(Iₙ³) FLOPs against O(Iₙ²·J) with a
        /// much larger constant (and a copy of the unfolding) for <see cref="Svd"/>, so it pays when Iₙ ≪ J.
        /// </summary>
        /// <remarks>
        /// Accuracy rule: the Gram matrix squares the condition number, so only singular values well above
        /// sqrt(eps)·σ₀ are reliable. Use the leading r columns only when <see cref="GramSvdResult.IsAccurate"/>(r)
        /// holds (σ_{r−1} ≥ 64·sqrt(eps)·σ₀, ≈ 9.5e-7·σ₀ in float64); otherwise fall back to <see cref="Svd"/> of
        /// <see cref="Unfold"/>(tensor, mode). A truncation by a tolerance must also not decide on values below
        /// that level.
        /// </remarks>
        /// <exception cref="ArgumentException">When the tensor has no axes, or the Gram matrix is not finite (a NaN
        /// or infinite entry, or entries whose squares overflow).</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="mode"/> is not in 0..N−1.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and the tensor requires a gradient.</exception>
        /// <exception cref="LinalgException">When the eigensolver does not converge.</exception>
        /// <example><code>
        /// Tensor x = TN.Randn(new Generator(0), DType.Float64, 20, 30, 40);
        /// GramSvdResult r = TN.Linalg.GramSvd(x, 1); // r.U [30, 30], r.S [30]
        /// Tensor factor = r.IsAccurate(5) ? r.U.Narrow(1, 0, 5) : TN.Linalg.Svd(TN.Linalg.Unfold(x, 1)).U.Narrow(1, 0, 5);
        /// </code></example>
        public static GramSvdResult GramSvd(Tensor tensor, int mode)
        {
            Tensor gram = Gram(tensor, mode);
            if (!gram.AllFinite())
                throw new ArgumentException($"Linalg.GramSvd: the Gram matrix of mode {mode} of the tensor (shape {tensor.Shape}) is not finite: the tensor has a NaN or infinite entry, or entries so large that their squares overflow; clean or rescale it first.", nameof(tensor));
            return SvdFromGram(gram);
        }

        /// <summary>
        /// Left singular vectors and singular values of any matrix X given only its Gram matrix G = X·Xᵀ (m × m,
        /// symmetric positive semi-definite): G = V·diag(λ)·Vᵀ by <see cref="SymmetricEig"/>, U = V with its columns in
        /// descending order of λ, σᵢ = sqrt(max(λᵢ, 0)). <see cref="GramSvd"/> is this applied to <see cref="Gram"/>;
        /// use it directly when G is cheaper to form another way, e.g. as L·G'·Lᵀ from the Gram G' of a matrix X' with
        /// X = L·X'. The accuracy rule of <see cref="GramSvdResult.IsAccurate"/> applies.
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="gram"/> is not a square 2-D matrix or has a NaN or infinite entry.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="gram"/> requires a gradient.</exception>
        /// <exception cref="LinalgException">When the eigensolver does not converge.</exception>
        /// <example><code>
        /// Tensor x = TN.Randn(new Generator(0), DType.Float64, 5, 40);
        /// GramSvdResult r = TN.Linalg.SvdFromGram(TN.MatMul(x, x.Transpose(0, 1))); // r.U [5, 5], r.S [5]
        /// </code></example>
        public static GramSvdResult SvdFromGram(Tensor gram)
        {
            (Tensor values, Tensor vectors) = SymmetricEig(gram);
            int size = gram.Dims[0];
            Tensor u = TensorNetworks.Tensor.Uninitialized(gram.DType, [size, size]), s = TensorNetworks.Tensor.Uninitialized(gram.DType, [size]);
            if (gram.DType == DType.Float32) Descending(values.Span<float>(), vectors.Span<float>(), u.Span<float>(), s.Span<float>());
            else Descending(values.Span<double>(), vectors.Span<double>(), u.Span<double>(), s.Span<double>());
            GC.KeepAlive(values);
            GC.KeepAlive(vectors);
            return new GramSvdResult(u, s);
        }

        /// <summary>Reverses ascending eigenpairs into descending singular pairs: s[j] = sqrt(max(w[n−1−j], 0)), u[:, j] = v[:, n−1−j].</summary>
        private static void Descending<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> v, Span<T> u, Span<T> s) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int n = w.Length;
            for (int j = 0; j < n; j++) s[j] = T.Sqrt(T.Max(w[n - 1 - j], T.Zero));
            for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                u[i * n + j] = v[i * n + n - 1 - j];
        }
    }
}
