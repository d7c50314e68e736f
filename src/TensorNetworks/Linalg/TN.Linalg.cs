using TensorNetworks.Backends;

namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Dense linear algebra on 2-D tensors of either dtype, computed by the active backend (OpenBLAS's
    /// LAPACK, or MathNet.Numerics when managed; see <see cref="BackendInfo"/>). Results are new tensors;
    /// inputs are never modified. These routines are forward only: they throw when autodiff is recording
    /// and an input requires a gradient, so call them under <see cref="NoGrad"/> or on detached tensors.
    /// </summary>
    /// <example><code>
    /// var a = TN.Randn(new Generator(1), DType.Float64, 5, 3);
    /// var (u, s, vt) = TN.Linalg.Svd(a);        // u [5, 3], s [3], vt [3, 3]
    /// var (q, r) = TN.Linalg.Qr(a);             // q [5, 3], r [3, 3]
    /// Tensor x = TN.Linalg.LeastSquares(a, TN.Ones(DType.Float64, 5));
    /// </code></example>
    public static partial class Linalg
    {
        /// <summary>
        /// Thin singular value decomposition A = U·diag(S)·Vt of an m×n matrix, k = min(m, n): U is m×k
        /// with orthonormal columns, S holds k non-negative values in descending order, Vt is k×n with
        /// orthonormal rows. Singular vectors are unique only up to sign (and rotation within repeated values).
        /// LAPACK overwrites its input, so A is copied once into pooled scratch storage (<see cref="LapackScratch{T}"/>).
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="a"/> is not 2-D or has a NaN or infinite entry (the message names its position).</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="a"/> requires a gradient.</exception>
        /// <exception cref="LinalgException">When the SVD does not converge.</exception>
        /// <example><code>
        /// var (u, s, vt) = TN.Linalg.Svd(TN.Tensor(new double[,] { { 3, 0 }, { 0, 4 }, { 0, 0 } }));
        /// // s = [4, 3]; u is 3×2, vt is 2×2
        /// </code></example>
        public static SvdResult Svd(Tensor a)
        {
            LinalgChecks.RequireMatrix(a, "Svd");
            int m = a.Dims[0], n = a.Dims[1], k = Math.Min(m, n);
            Tensor u = TensorNetworks.Tensor.Uninitialized(a.DType, [m, k]), s = TensorNetworks.Tensor.Uninitialized(a.DType, [k]), vt = TensorNetworks.Tensor.Uninitialized(a.DType, [k, n]);
            ILapack lapack = Backend.Lapack;
            if (a.DType == DType.Float32)
            {
                using var work = LapackScratch<float>.CopyOf(a);
                lapack.Svd(m, n, work.Span, u.Span<float>(), s.Span<float>(), vt.Span<float>());
            }
            else
            {
                using var work = LapackScratch<double>.CopyOf(a);
                lapack.Svd(m, n, work.Span, u.Span<double>(), s.Span<double>(), vt.Span<double>());
            }
            return new SvdResult(u, s, vt);
        }

        /// <summary>
        /// Thin QR decomposition A = Q·R of an m×n matrix, k = min(m, n): Q is m×k with orthonormal
        /// columns and R is k×n upper triangular (Householder; the signs of R's diagonal are not normalized).
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="a"/> is not 2-D or has a NaN or infinite entry.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="a"/> requires a gradient.</exception>
        /// <example><code>
        /// var (q, r) = TN.Linalg.Qr(TN.Randn(new Generator(0), DType.Float64, 6, 4)); // q [6, 4], r [4, 4]
        /// </code></example>
        public static QrResult Qr(Tensor a)
        {
            LinalgChecks.RequireMatrix(a, "Qr");
            int m = a.Dims[0], n = a.Dims[1], k = Math.Min(m, n);
            Tensor q = TensorNetworks.Tensor.Uninitialized(a.DType, [m, k]), r = TensorNetworks.Tensor.Uninitialized(a.DType, [k, n]);
            ILapack lapack = Backend.Lapack;
            if (a.DType == DType.Float32)
            {
                using var work = LapackScratch<float>.CopyOf(a);
                lapack.Qr(m, n, work.Span, q.Span<float>(), r.Span<float>());
            }
            else
            {
                using var work = LapackScratch<double>.CopyOf(a);
                lapack.Qr(m, n, work.Span, q.Span<double>(), r.Span<double>());
            }
            return new QrResult(q, r);
        }

        /// <summary>
        /// Thin LQ decomposition A = L·Q of an m×n matrix, k = min(m, n): L is m×k lower triangular and Q is k×n with
        /// orthonormal rows (Householder; the signs of L's diagonal are not normalized). It equals the QR of Aᵀ
        /// transposed (Aᵀ = Qᵀ·Lᵀ), without forming Aᵀ: use it to orthonormalize the rows of a wide matrix, e.g. to
        /// right-orthogonalize a core of a tensor train.
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="a"/> is not 2-D or has a NaN or infinite entry.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="a"/> requires a gradient.</exception>
        /// <example><code>
        /// var (l, q) = TN.Linalg.Lq(TN.Randn(new Generator(0), DType.Float64, 4, 6)); // l [4, 4], q [4, 6]
        /// </code></example>
        public static LqResult Lq(Tensor a)
        {
            LinalgChecks.RequireMatrix(a, "Lq");
            int m = a.Dims[0], n = a.Dims[1], k = Math.Min(m, n);
            Tensor l = TensorNetworks.Tensor.Uninitialized(a.DType, [m, k]), q = TensorNetworks.Tensor.Uninitialized(a.DType, [k, n]);
            ILapack lapack = Backend.Lapack;
            if (a.DType == DType.Float32)
            {
                using var work = LapackScratch<float>.CopyOf(a);
                lapack.Lq(m, n, work.Span, l.Span<float>(), q.Span<float>());
            }
            else
            {
                using var work = LapackScratch<double>.CopyOf(a);
                lapack.Lq(m, n, work.Span, l.Span<double>(), q.Span<double>());
            }
            return new LqResult(l, q);
        }

        /// <summary>
        /// Eigendecomposition A = V·diag(Values)·Vᵀ of a symmetric n×n matrix: Values ascending, column i
        /// of Vectors the unit eigenvector of Values[i]. Only the lower triangle is read (as
        /// <c>numpy.linalg.eigh</c>), so an asymmetric input is treated as its symmetrized lower half.
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="a"/> is not a square 2-D matrix or has a NaN or infinite entry.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="a"/> requires a gradient.</exception>
        /// <exception cref="LinalgException">When the eigensolver does not converge.</exception>
        /// <example><code>
        /// var (w, v) = TN.Linalg.SymmetricEig(TN.Tensor(new double[,] { { 2, 1 }, { 1, 2 } })); // w = [1, 3]
        /// </code></example>
        public static EigResult SymmetricEig(Tensor a)
        {
            LinalgChecks.RequireMatrix(a, "SymmetricEig");
            LinalgChecks.RequireSquare(a, "SymmetricEig", "for a non-square matrix use TN.Linalg.Svd");
            int n = a.Dims[0];
            Tensor w = TensorNetworks.Tensor.Uninitialized(a.DType, [n]), v = TensorNetworks.Tensor.Uninitialized(a.DType, [n, n]);
            ILapack lapack = Backend.Lapack;
            if (a.DType == DType.Float32)
            {
                using var work = LapackScratch<float>.CopyOf(a);
                lapack.SymmetricEig(n, work.Span, w.Span<float>(), v.Span<float>());
            }
            else
            {
                using var work = LapackScratch<double>.CopyOf(a);
                lapack.SymmetricEig(n, work.Span, w.Span<double>(), v.Span<double>());
            }
            return new EigResult(w, v);
        }
    }
}
