using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace TensorNetworks.Backends;

/// <summary>
/// Factorizations through MathNet.Numerics' managed provider, used when OpenBLAS is absent or
/// <c>TN_BACKEND=managed</c>. MathNet matrices are column-major, so a row-major m×n array is read as
/// the n×m matrix Aᵀ. MathNet's SVD always forms full U and Vᵀ, so a tall input is first reduced by
/// a thin QR (A = Q·R, R = Ur·S·Vᵀ, U = Q·Ur) and a wide one is factored as its transpose. MathNet's
/// QR needs rows ≥ columns, so a wide QR factors the leading square block and applies Qᵀ to the rest.
/// </summary>
internal sealed class ManagedLapack : LapackBackend
{
    public override string Name => "managed (MathNet.Numerics)";

    protected override void SvdCore<T>(int m, int n, Span<T> a, Span<T> u, Span<T> s, Span<T> vt)
    {
        int k = Math.Min(m, n);
        Matrix<T> transposed = Matrix<T>.Build.Dense(n, m, a[..(m * n)].ToArray());
        try
        {
            if (m >= n)
            {
                (Matrix<T> left, MathNet.Numerics.LinearAlgebra.Vector<T> values, Matrix<T> right) = TallSvd(transposed.Transpose());
                CopyRowMajor(left, u);
                CopyRowMajor(right, vt);
                values.AsArray().AsSpan(0, k).CopyTo(s);
            }
            else
            {
                (Matrix<T> left, MathNet.Numerics.LinearAlgebra.Vector<T> values, Matrix<T> right) = TallSvd(transposed);
                CopyRowMajor(right.Transpose(), u);
                CopyRowMajor(left.Transpose(), vt);
                values.AsArray().AsSpan(0, k).CopyTo(s);
            }
        }
        catch (NonConvergenceException)
        {
            throw new LinalgException("MathNet Svd", 1, $"{LapackErrors.SvdNoConvergence(1)} (input {LapackErrors.Shape(m, n)}).");
        }
    }

    /// <summary>Thin SVD of a tall (rows ≥ cols) matrix: U rows×cols, S cols, Vᵀ cols×cols.</summary>
    private static (Matrix<T> U, MathNet.Numerics.LinearAlgebra.Vector<T> S, Matrix<T> Vt) TallSvd<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.RowCount == a.ColumnCount)
        {
            Svd<T> square = a.Svd(computeVectors: true);
            return (square.U, square.S, square.VT);
        }
        QR<T> qr = a.QR(QRMethod.Thin);
        Svd<T> core = qr.R.Svd(computeVectors: true);
        return (qr.Q * core.U, core.S, core.VT);
    }

    protected override void QrCore<T>(int m, int n, Span<T> a, Span<T> q, Span<T> r)
    {
        Matrix<T> matrix = Matrix<T>.Build.Dense(n, m, a[..(m * n)].ToArray()).Transpose();
        if (m >= n)
        {
            QR<T> thin = matrix.QR(QRMethod.Thin);
            CopyRowMajor(thin.Q, q);
            CopyRowMajor(thin.R, r);
            return;
        }
        // MathNet needs rows >= columns: factor the leading m×m block, then R = [R1, Qᵀ·A2].
        QR<T> left = matrix.SubMatrix(0, m, 0, m).QR(QRMethod.Full);
        Matrix<T> rest = left.Q.TransposeThisAndMultiply(matrix.SubMatrix(0, m, m, n - m));
        CopyRowMajor(left.Q, q);
        CopyRowMajor(left.R.Append(rest), r);
    }

    protected override void SymmetricEigCore<T>(int n, Span<T> a, Span<T> w, Span<T> v)
    {
        var symmetric = new T[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            symmetric[i * n + j] = symmetric[j * n + i] = a[i * n + j];
        try
        {
            Evd<T> evd = Matrix<T>.Build.Dense(n, n, symmetric).Evd(Symmetricity.Symmetric);
            for (int i = 0; i < n; i++) w[i] = T.CreateTruncating(evd.EigenValues[i].Real);
            CopyRowMajor(evd.EigenVectors, v);
        }
        catch (NonConvergenceException)
        {
            throw new LinalgException("MathNet Evd", 1, $"{LapackErrors.EigNoConvergence(1)} (input {LapackErrors.Shape(n, n)}).");
        }
    }

    protected override void SolveCore<T>(int n, int nrhs, Span<T> a, Span<T> b)
    {
        LU<T> lu = Matrix<T>.Build.Dense(n, n, a[..(n * n)].ToArray()).Transpose().LU();
        for (int i = 0; i < n; i++)
        {
            if (lu.U[i, i] == T.Zero)
                LapackErrors.Check(i + 1, "MathNet LU", LapackErrors.Shape(n, n), LapackErrors.SingularPivot);
        }
        Matrix<T> rhs = Matrix<T>.Build.Dense(nrhs, n, b[..(n * nrhs)].ToArray()).Transpose();
        CopyRowMajor(lu.Solve(rhs), b);
    }

    /// <summary>Writes a MathNet matrix into a row-major span.</summary>
    private static void CopyRowMajor<T>(Matrix<T> source, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
        => MatrixLayout.Transpose<T>(source.ToColumnMajorArray(), source.ColumnCount, source.RowCount, destination);
}
