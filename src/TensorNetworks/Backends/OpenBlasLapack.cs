using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// LAPACK through OpenBLAS (Fortran, column-major) on row-major data. A row-major m×n matrix is the
/// column-major n×m matrix Aᵀ, so the SVD factors Aᵀ and swaps the roles of U and Vᵀ, the symmetric
/// eigensolver reads the upper triangle of Aᵀ (our lower), and QR and solve copy to column-major.
/// Workspaces are sized by a query call with lwork = -1. Small factorizations run on one OpenBLAS thread
/// (<see cref="OpenBlasThreads"/>).
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
        using var section = OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(m, n));
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
        using (OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(m, n)))
        fixed (T* pc = c, pt = tau.Array)
        {
            using PooledArray<T> work = HouseholderWorkspace(m, n, pc, pt, geqrf, orgqr, shape, out int lwork);
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

    /// <remarks>
    /// Row-major A (m×n) is column-major Aᵀ (n×m, lda = n), so geqrf factors it in place with no copy: Aᵀ = Q'·R'
    /// gives A = R'ᵀ·Q'ᵀ. L (row-major m×k) is R'ᵀ, read from geqrf's upper triangle; orgqr then forms Q' (column-major
    /// n×k) in place, which is Q (row-major k×n) as stored.
    /// </remarks>
    protected override void LqCore<T>(int m, int n, Span<T> a, Span<T> l, Span<T> q)
    {
        int k = Math.Min(m, n);
        string shape = LapackErrors.Shape(m, n), geqrf = LapackErrors.Routine<T>("geqrf"), orgqr = LapackErrors.Routine<T>("orgqr");
        using var tau = new PooledArray<T>(k);
        using (OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(m, n)))
        fixed (T* pa = a, pt = tau.Array)
        {
            using PooledArray<T> work = HouseholderWorkspace(n, m, pa, pt, geqrf, orgqr, shape, out int lwork);
            fixed (T* pw = work.Array)
            {
                LapackErrors.Check(OpenBlasNative.Geqrf(n, m, pa, n, pt, pw, lwork), geqrf, shape);
                for (int j = 0; j < m; j++)
                {
                    Span<T> row = l.Slice(j * k, k);
                    int diagonal = Math.Min(j, k - 1);
                    a.Slice(j * n, diagonal + 1).CopyTo(row);
                    row[(diagonal + 1)..].Clear();
                }
                LapackErrors.Check(OpenBlasNative.Orgqr(n, k, k, pa, n, pt, pw, lwork), orgqr, shape);
            }
        }
        a[..(k * n)].CopyTo(q);
    }

    /// <remarks>Our lower triangle is the upper triangle of the column-major view; syevd leaves the
    /// eigenvectors as columns of a column-major matrix, which is transposed into row-major <c>v</c>.</remarks>
    protected override void SymmetricEigCore<T>(int n, Span<T> a, Span<T> w, Span<T> v)
    {
        string routine = LapackErrors.Routine<T>("syevd"), shape = LapackErrors.Shape(n, n);
        using (OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(n, n)))
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
        using (OpenBlasThreads.SingleThreadedWhen(OpenBlasThreads.IsSmall(n, n)))
        fixed (T* pa = a, pb = rhs)
        fixed (int* pi = ipiv.Array)
        {
            LapackErrors.Check(OpenBlasNative.Gesv(n, nrhs, pa, n, pi, pb, n), LapackErrors.Routine<T>("gesv"),
                $"{LapackErrors.Shape(n, n)} with {nrhs} right-hand side(s)", LapackErrors.SingularPivot);
        }
        MatrixLayout.Transpose<T>(rhs, nrhs, n, b);
    }

    /// <summary>
    /// The Gram matrix G = op(A)·op(A)ᵀ (n×n, row-major, both triangles) by ?syrk (split along k over the cores by
    /// <see cref="GemmSplit.RunGram"/> when large enough), for the Gram-route
    /// factorizations (<see cref="TN.Linalg.Gram"/>): op(A) = A for a row-major n×k A, or Aᵀ for a row-major k×n A
    /// when <paramref name="transposed"/>. Half the FLOPs of the GEMM, and fast where a GEMM with m = n ≤ 64 and a long
    /// k is not (measured, 2 threads: 4×262144 in 0.6 ms against 6.7 ms, 64×16384 in 2.0 ms against 3.5 ms).
    /// </summary>
    internal static void Gram<T>(bool transposed, int n, int k, ReadOnlySpan<T> a, Span<T> g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)n * k > a.Length || (long)n * n > g.Length)
            throw new ArgumentException($"Gram: a has {a.Length} elements and g {g.Length}, but a {n}×{k} Gram needs {(long)n * k} and {(long)n * n}.");
        if (n == 0) return;
        if (k == 0)
        {
            g[..(n * n)].Clear();
            return;
        }
        int blocks = GemmSplit.GramBlocksFor(n, k, Environment.ProcessorCount) > 1 ? GemmSplit.GramBlocksFor(n, k, OpenBlasThreads.SplitCores) : 1;
        fixed (T* pa = a, pg = g)
        {
            if (blocks > 1) GemmSplit.RunGram(blocks, transposed, n, k, pa, pg);
            else
            {
                OpenBlasThreads.BeforeThreadedCall((long)n * n * k);
                OpenBlasNative.SyrkLower(transposed, n, k, pa, transposed ? n : k, pg);
            }
        }
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            g[i * n + j] = g[j * n + i];
    }

    /// <summary>The workspace a query reported, rounded up (a float query may round the size down).</summary>
    /// <summary>One workspace for ?geqrf and then ?orgqr on the column-major rows×cols matrix at <paramref name="a"/>
    /// (lda = rows), sized by both routines' workspace queries; <paramref name="length"/> is that size.</summary>
    private static PooledArray<T> HouseholderWorkspace<T>(int rows, int cols, T* a, T* tau, string geqrf, string orgqr, string shape, out int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(rows, cols);
        T q1 = T.Zero, q2 = T.Zero;
        LapackErrors.Check(OpenBlasNative.Geqrf(rows, cols, a, rows, tau, &q1, -1), geqrf, shape);
        LapackErrors.Check(OpenBlasNative.Orgqr(rows, k, k, a, rows, tau, &q2, -1), orgqr, shape);
        length = WorkspaceLength(T.Max(q1, q2));
        return new PooledArray<T>(length);
    }

    private static int WorkspaceLength<T>(T query) where T : unmanaged, IFloatingPointIeee754<T>
        => Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(query) * (1 + 1e-6)));
}
