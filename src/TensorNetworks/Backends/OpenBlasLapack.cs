using System.Buffers;
using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// LAPACK through OpenBLAS (Fortran, column-major) on row-major data. A row-major m×n matrix is the
/// column-major n×m matrix Aᵀ, so the SVD factors Aᵀ and swaps the roles of U and Vᵀ, the symmetric
/// eigensolver reads the upper triangle of Aᵀ (our lower), and QR and solve copy to column-major.
/// Workspaces are sized by a query call with lwork = -1.
/// </summary>
internal sealed unsafe class OpenBlasLapack : ILapack
{
    public string Name => "openblas";

    public void Svd(int m, int n, Span<float> a, Span<float> u, Span<float> s, Span<float> vt) => Svd<float>(m, n, a, u, s, vt);

    public void Svd(int m, int n, Span<double> a, Span<double> u, Span<double> s, Span<double> vt) => Svd<double>(m, n, a, u, s, vt);

    public void Qr(int m, int n, Span<float> a, Span<float> q, Span<float> r) => Qr<float>(m, n, a, q, r);

    public void Qr(int m, int n, Span<double> a, Span<double> q, Span<double> r) => Qr<double>(m, n, a, q, r);

    public void SymmetricEig(int n, Span<float> a, Span<float> w, Span<float> v) => SymmetricEig<float>(n, a, w, v);

    public void SymmetricEig(int n, Span<double> a, Span<double> w, Span<double> v) => SymmetricEig<double>(n, a, w, v);

    public void Solve(int n, int nrhs, Span<float> a, Span<float> b) => Solve<float>(n, nrhs, a, b);

    public void Solve(int n, int nrhs, Span<double> a, Span<double> b) => Solve<double>(n, nrhs, a, b);

    /// <remarks>
    /// Aᵀ (n×m, column-major, lda = n) = U'·S·V'ᵀ gives A = V'·S·U'ᵀ. So U (row-major m×k) is V'ᵀ
    /// (column-major k×m, ldvt = k) and Vᵀ (row-major k×n) is U' (column-major n×k, ldu = n).
    /// </remarks>
    private static void Svd<T>(int m, int n, Span<T> a, Span<T> u, Span<T> s, Span<T> vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireSvd(m, n, a.Length, u.Length, s.Length, vt.Length);
        int k = Math.Min(m, n);
        if (k == 0) return;
        string routine = LapackErrors.Routine<T>("gesdd"), shape = LapackErrors.Shape(m, n);
        int[] iwork = ArrayPool<int>.Shared.Rent(8 * k);
        try
        {
            fixed (T* pa = a, pu = u, ps = s, pvt = vt)
            fixed (int* pi = iwork)
            {
                T query = T.Zero;
                LapackErrors.Check(OpenBlasNative.Gesdd('S', n, m, pa, n, ps, pvt, n, pu, k, &query, -1, pi), routine, shape, LapackErrors.SvdNoConvergence);
                T[] work = RentWorkspace(query, out int lwork);
                try
                {
                    fixed (T* pw = work)
                        LapackErrors.Check(OpenBlasNative.Gesdd('S', n, m, pa, n, ps, pvt, n, pu, k, pw, lwork, pi), routine, shape, LapackErrors.SvdNoConvergence);
                }
                finally
                {
                    ArrayPool<T>.Shared.Return(work);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(iwork);
        }
    }

    /// <remarks>A is copied to column-major (lda = m); R is read from the geqrf result before orgqr forms Q in place.</remarks>
    private static void Qr<T>(int m, int n, Span<T> a, Span<T> q, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireQr(m, n, a.Length, q.Length, r.Length);
        int k = Math.Min(m, n);
        if (k == 0) return;
        string shape = LapackErrors.Shape(m, n);
        T[] col = ArrayPool<T>.Shared.Rent(m * n), tau = ArrayPool<T>.Shared.Rent(k);
        try
        {
            MatrixLayout.Transpose<T>(a[..(m * n)], m, n, col);
            fixed (T* pc = col, pt = tau)
            {
                T q1 = T.Zero, q2 = T.Zero;
                LapackErrors.Check(OpenBlasNative.Geqrf(m, n, pc, m, pt, &q1, -1), LapackErrors.Routine<T>("geqrf"), shape, _ => "");
                LapackErrors.Check(OpenBlasNative.Orgqr(m, k, k, pc, m, pt, &q2, -1), LapackErrors.Routine<T>("orgqr"), shape, _ => "");
                T[] work = RentWorkspace(T.Max(q1, q2), out int lwork);
                try
                {
                    fixed (T* pw = work)
                    {
                        LapackErrors.Check(OpenBlasNative.Geqrf(m, n, pc, m, pt, pw, lwork), LapackErrors.Routine<T>("geqrf"), shape, _ => "");
                        for (int i = 0; i < k; i++)
                        for (int j = 0; j < n; j++)
                            r[i * n + j] = j >= i ? col[j * m + i] : T.Zero;
                        LapackErrors.Check(OpenBlasNative.Orgqr(m, k, k, pc, m, pt, pw, lwork), LapackErrors.Routine<T>("orgqr"), shape, _ => "");
                    }
                }
                finally
                {
                    ArrayPool<T>.Shared.Return(work);
                }
            }
            MatrixLayout.Transpose<T>(col.AsSpan(0, m * k), k, m, q);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(col);
            ArrayPool<T>.Shared.Return(tau);
        }
    }

    /// <remarks>Our lower triangle is the upper triangle of the column-major view; syevd leaves the
    /// eigenvectors as columns of a column-major matrix, which is transposed into row-major <c>v</c>.</remarks>
    private static void SymmetricEig<T>(int n, Span<T> a, Span<T> w, Span<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireEig(n, a.Length, w.Length, v.Length);
        if (n == 0) return;
        string routine = LapackErrors.Routine<T>("syevd"), shape = LapackErrors.Shape(n, n);
        fixed (T* pa = a, pw = w)
        {
            T query = T.Zero;
            int iquery = 0;
            LapackErrors.Check(OpenBlasNative.Syevd('V', 'U', n, pa, n, pw, &query, -1, &iquery, -1), routine, shape, LapackErrors.EigNoConvergence);
            T[] work = RentWorkspace(query, out int lwork);
            int[] iwork = ArrayPool<int>.Shared.Rent(Math.Max(1, iquery));
            try
            {
                fixed (T* pk = work)
                fixed (int* pi = iwork)
                    LapackErrors.Check(OpenBlasNative.Syevd('V', 'U', n, pa, n, pw, pk, lwork, pi, Math.Max(1, iquery)), routine, shape, LapackErrors.EigNoConvergence);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(work);
                ArrayPool<int>.Shared.Return(iwork);
            }
        }
        MatrixLayout.Transpose<T>(a[..(n * n)], n, n, v);
    }

    /// <remarks>A is transposed in place to column-major; B is copied to column-major unless it is one column.</remarks>
    private static void Solve<T>(int n, int nrhs, Span<T> a, Span<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireSolve(n, nrhs, a.Length, b.Length);
        if (n == 0 || nrhs == 0) return;
        MatrixLayout.TransposeSquare(a, n);
        T[]? col = nrhs == 1 ? null : ArrayPool<T>.Shared.Rent(n * nrhs);
        int[] ipiv = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<T> rhs = col is null ? b : col.AsSpan(0, n * nrhs);
            if (col is not null) MatrixLayout.Transpose<T>(b[..(n * nrhs)], n, nrhs, rhs);
            fixed (T* pa = a, pb = rhs)
            fixed (int* pi = ipiv)
                LapackErrors.Check(OpenBlasNative.Gesv(n, nrhs, pa, n, pi, pb, n), LapackErrors.Routine<T>("gesv"), LapackErrors.Shape(n, n), LapackErrors.SingularPivot);
            if (col is not null) MatrixLayout.Transpose<T>(rhs, nrhs, n, b);
        }
        finally
        {
            if (col is not null) ArrayPool<T>.Shared.Return(col);
            ArrayPool<int>.Shared.Return(ipiv);
        }
    }

    /// <summary>Rents the workspace a query reported (rounded up: float queries may round down).</summary>
    private static T[] RentWorkspace<T>(T query, out int lwork) where T : unmanaged, IFloatingPointIeee754<T>
    {
        lwork = Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(query) * (1 + 1e-6)));
        return ArrayPool<T>.Shared.Rent(lwork);
    }
}
