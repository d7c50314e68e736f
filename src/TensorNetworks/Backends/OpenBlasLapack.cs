using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// LAPACK through OpenBLAS (Fortran, column-major) on row-major data. A row-major m×n matrix is the
/// column-major n×m matrix Aᵀ, so the SVD factors Aᵀ and swaps the roles of U and Vᵀ, the symmetric
/// eigensolver reads the upper triangle of Aᵀ (our lower), and QR and solve copy to column-major.
/// Workspaces are sized by a query call with lwork = -1.
/// </summary>
internal sealed unsafe class OpenBlasLapack : LapackBackend
{
    public override string Name => "openblas";

    /// <remarks>
    /// Aᵀ (n×m, column-major, lda = n) = U'·S·V'ᵀ gives A = V'·S·U'ᵀ. So U (row-major m×k) is V'ᵀ
    /// (column-major k×m, ldvt = k) and Vᵀ (row-major k×n) is U' (column-major n×k, ldu = n).
    /// </remarks>
    protected override void SvdCore<T>(int m, int n, Span<T> a, Span<T> u, Span<T> s, Span<T> vt)
    {
        int k = Math.Min(m, n);
        string routine = LapackErrors.Routine<T>("gesdd"), shape = LapackErrors.Shape(m, n);
        using var iwork = new PooledArray<int>(8 * k);
        fixed (T* pa = a, pu = u, ps = s, pvt = vt)
        fixed (int* pi = iwork.Array)
        {
            T query = T.Zero;
            LapackErrors.Check(OpenBlasNative.Gesdd('S', n, m, pa, n, ps, pvt, n, pu, k, &query, -1, pi), routine, shape, LapackErrors.SvdNoConvergence);
            using var work = new PooledArray<T>(WorkspaceLength(query));
            fixed (T* pw = work.Array)
            {
                LapackErrors.Check(OpenBlasNative.Gesdd('S', n, m, pa, n, ps, pvt, n, pu, k, pw, WorkspaceLength(query), pi),
                    routine, shape, LapackErrors.SvdNoConvergence);
            }
        }
    }

    /// <remarks>A is copied to column-major (lda = m); R is read from the geqrf result before orgqr forms Q in place.</remarks>
    protected override void QrCore<T>(int m, int n, Span<T> a, Span<T> q, Span<T> r)
    {
        int k = Math.Min(m, n);
        string shape = LapackErrors.Shape(m, n), geqrf = LapackErrors.Routine<T>("geqrf"), orgqr = LapackErrors.Routine<T>("orgqr");
        using var col = new PooledArray<T>(m * n);
        using var tau = new PooledArray<T>(k);
        T[] c = col.Array;
        MatrixLayout.Transpose<T>(a[..(m * n)], m, n, c);
        fixed (T* pc = c, pt = tau.Array)
        {
            T q1 = T.Zero, q2 = T.Zero;
            LapackErrors.Check(OpenBlasNative.Geqrf(m, n, pc, m, pt, &q1, -1), geqrf, shape);
            LapackErrors.Check(OpenBlasNative.Orgqr(m, k, k, pc, m, pt, &q2, -1), orgqr, shape);
            int lwork = WorkspaceLength(T.Max(q1, q2));
            using var work = new PooledArray<T>(lwork);
            fixed (T* pw = work.Array)
            {
                LapackErrors.Check(OpenBlasNative.Geqrf(m, n, pc, m, pt, pw, lwork), geqrf, shape);
                for (int i = 0; i < k; i++)
                for (int j = 0; j < n; j++)
                    r[i * n + j] = j >= i ? c[j * m + i] : T.Zero;
                LapackErrors.Check(OpenBlasNative.Orgqr(m, k, k, pc, m, pt, pw, lwork), orgqr, shape);
            }
        }
        MatrixLayout.Transpose<T>(c.AsSpan(0, m * k), k, m, q);
    }

    /// <remarks>Our lower triangle is the upper triangle of the column-major view; syevd leaves the
    /// eigenvectors as columns of a column-major matrix, which is transposed into row-major <c>v</c>.</remarks>
    protected override void SymmetricEigCore<T>(int n, Span<T> a, Span<T> w, Span<T> v)
    {
        string routine = LapackErrors.Routine<T>("syevd"), shape = LapackErrors.Shape(n, n);
        fixed (T* pa = a, pw = w)
        {
            T query = T.Zero;
            int iquery = 0;
            LapackErrors.Check(OpenBlasNative.Syevd('V', 'U', n, pa, n, pw, &query, -1, &iquery, -1), routine, shape, LapackErrors.EigNoConvergence);
            int lwork = WorkspaceLength(query), liwork = Math.Max(1, iquery);
            using var work = new PooledArray<T>(lwork);
            using var iwork = new PooledArray<int>(liwork);
            fixed (T* pk = work.Array)
            fixed (int* pi = iwork.Array)
                LapackErrors.Check(OpenBlasNative.Syevd('V', 'U', n, pa, n, pw, pk, lwork, pi, liwork), routine, shape, LapackErrors.EigNoConvergence);
        }
        MatrixLayout.Transpose<T>(a[..(n * n)], n, n, v);
    }

    /// <remarks>A is transposed in place to column-major; B is copied to column-major (a no-op for one column).</remarks>
    protected override void SolveCore<T>(int n, int nrhs, Span<T> a, Span<T> b)
    {
        MatrixLayout.TransposeSquare(a, n);
        using var col = new PooledArray<T>(n * nrhs);
        using var ipiv = new PooledArray<int>(n);
        Span<T> rhs = col.Array.AsSpan(0, n * nrhs);
        MatrixLayout.Transpose<T>(b[..(n * nrhs)], n, nrhs, rhs);
        fixed (T* pa = a, pb = rhs)
        fixed (int* pi = ipiv.Array)
        {
            LapackErrors.Check(OpenBlasNative.Gesv(n, nrhs, pa, n, pi, pb, n), LapackErrors.Routine<T>("gesv"),
                $"{LapackErrors.Shape(n, n)} with {nrhs} right-hand side(s)", LapackErrors.SingularPivot);
        }
        MatrixLayout.Transpose<T>(rhs, nrhs, n, b);
    }

    /// <summary>The workspace a query reported, rounded up (a float query may round the size down).</summary>
    private static int WorkspaceLength<T>(T query) where T : unmanaged, IFloatingPointIeee754<T>
        => Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(query) * (1 + 1e-6)));
}
