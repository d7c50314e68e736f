using System.Numerics;
using System.Numerics.Tensors;
using TensorNetworks.Backends;

namespace TensorNetworks;

public static partial class TN
{
    public static partial class Linalg
    {
        /// <summary>
        /// Solves A·X = B for a square, non-singular n×n A by LU with partial pivoting. B is a vector of
        /// n values or an n×r matrix, and X has B's shape.
        /// </summary>
        /// <exception cref="ArgumentException">When A is not square 2-D, B's rows differ from n, the dtypes differ, or an entry is NaN or infinite.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and an input requires a gradient.</exception>
        /// <exception cref="LinalgException">When A is singular (info = the 1-based index of the zero pivot).</exception>
        /// <example><code>
        /// var a = TN.Tensor(new double[,] { { 3, 1 }, { 1, 2 } });
        /// Tensor x = TN.Linalg.Solve(a, TN.Tensor(new double[] { 9, 8 })); // [2, 3]
        /// </code></example>
        public static Tensor Solve(Tensor a, Tensor b)
        {
            LinalgChecks.RequireMatrix(a, "Solve");
            LinalgChecks.RequireSquare(a, "Solve", "for a non-square or rank-deficient system use TN.Linalg.LeastSquares");
            LinalgChecks.RequireRightHandSide(a, b, "Solve");
            int n = a.Dims[0], r = b.Order == 1 ? 1 : b.Dims[1];
            ILapack lapack = Backend.Lapack;
            if (a.DType == DType.Float32)
            {
                float[] x = b.ToArray<float>();
                lapack.Solve(n, r, a.ToArray<float>(), x);
                return TensorNetworks.Tensor.Create(x, (int[])b.Dims.Clone());
            }
            double[] xd = b.ToArray<double>();
            lapack.Solve(n, r, a.ToArray<double>(), xd);
            return TensorNetworks.Tensor.Create(xd, (int[])b.Dims.Clone());
        }

        /// <summary>
        /// The minimum-norm least-squares solution X = argmin ‖A·X − B‖ (and, among minimizers, the one of
        /// least ‖X‖) for an m×n A of any rank, computed through the SVD as X = V·diag(1/s)·Uᵀ·B where
        /// singular values s ≤ relativeCutoff·max(s) count as zero. B is m values or m×r; X is n values or n×r.
        /// </summary>
        /// <param name="a">The m×n system matrix (tall, wide or rank-deficient).</param>
        /// <param name="b">The right-hand side: a vector of m values or an m×r matrix.</param>
        /// <param name="relativeCutoff">Rank cutoff relative to the largest singular value; null for max(m, n)·eps of the dtype.</param>
        /// <exception cref="ArgumentException">When A is not 2-D, B's rows differ from m, the dtypes differ, or an entry is NaN or infinite.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="relativeCutoff"/> is negative or not finite.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and an input requires a gradient.</exception>
        /// <example><code>
        /// var a = TN.Tensor(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        /// Tensor x = TN.Linalg.LeastSquares(a, TN.Tensor(new double[] { 1, 2, 3 })); // [1, 2]
        /// </code></example>
        public static Tensor LeastSquares(Tensor a, Tensor b, double? relativeCutoff = null)
        {
            LinalgChecks.RequireMatrix(a, "LeastSquares");
            LinalgChecks.RequireRightHandSide(a, b, "LeastSquares");
            LinalgChecks.RequireCutoff(relativeCutoff, "LeastSquares");
            int m = a.Dims[0], n = a.Dims[1];
            (Tensor u, Tensor s, Tensor vt) = Svd(a);
            Tensor rhs = b.Order == 1 ? b.Reshape(m, 1) : b;
            Tensor projected = BatchedGemm.Run(u, true, rhs, false);
            ScaleRows(projected, InverseSingularValues(s, relativeCutoff, Math.Max(m, n)));
            Tensor x = BatchedGemm.Run(vt, true, projected, false);
            return b.Order == 1 ? x.Reshape(n) : x;
        }

        /// <summary>
        /// The Moore–Penrose pseudo-inverse A⁺ = V·diag(1/s)·Uᵀ (n×m) of an m×n matrix, where singular
        /// values s ≤ relativeCutoff·max(s) count as zero. A⁺·b is the minimum-norm least-squares solution.
        /// </summary>
        /// <param name="a">The m×n matrix.</param>
        /// <param name="relativeCutoff">Rank cutoff relative to the largest singular value; null for max(m, n)·eps of the dtype.</param>
        /// <exception cref="ArgumentException">When <paramref name="a"/> is not 2-D or has a NaN or infinite entry.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="relativeCutoff"/> is negative or not finite.</exception>
        /// <exception cref="InvalidOperationException">When autodiff is recording and <paramref name="a"/> requires a gradient.</exception>
        /// <example><code>
        /// Tensor pinv = TN.Linalg.PseudoInverse(TN.Tensor(new double[,] { { 1, 2 }, { 2, 4 } }), relativeCutoff: 1e-12);
        /// </code></example>
        public static Tensor PseudoInverse(Tensor a, double? relativeCutoff = null)
        {
            LinalgChecks.RequireMatrix(a, "PseudoInverse");
            LinalgChecks.RequireCutoff(relativeCutoff, "PseudoInverse");
            (Tensor u, Tensor s, Tensor vt) = Svd(a);
            ScaleRows(vt, InverseSingularValues(s, relativeCutoff, Math.Max(a.Dims[0], a.Dims[1])));
            return BatchedGemm.Run(vt, true, u, true);
        }

        /// <summary>1/s for singular values above cutoff·s[0] (s is descending), else 0.</summary>
        private static double[] InverseSingularValues(Tensor s, double? relativeCutoff, int maxExtent)
        {
            double eps = s.DType == DType.Float32 ? double.CreateTruncating(float.BitIncrement(1f) - 1f) : double.BitIncrement(1.0) - 1.0;
            double cutoff = relativeCutoff ?? maxExtent * eps;
            double[] values = s.ToArray<double>();
            double threshold = values.Length == 0 ? 0 : cutoff * values[0];
            for (int i = 0; i < values.Length; i++)
                values[i] = values[i] > threshold && values[i] > 0 ? 1 / values[i] : 0;
            return values;
        }

        /// <summary>Multiplies row i of a matrix in place by factors[i].</summary>
        private static void ScaleRows(Tensor t, double[] factors)
        {
            if (t.DType == DType.Float32) ScaleRows(t.Span<float>(), t.Dims[1], factors);
            else ScaleRows(t.Span<double>(), t.Dims[1], factors);
        }

        private static void ScaleRows<T>(Span<T> t, int cols, double[] factors) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (int i = 0; i < factors.Length; i++)
            {
                Span<T> row = t.Slice(i * cols, cols);
                TensorPrimitives.Multiply(row, T.CreateTruncating(factors[i]), row);
            }
        }
    }
}
